// Command worker drains the payouts queue (demo: every credential here is fake).
package main

import (
	"database/sql"
	"fmt"
	"log"
	"os"
)

const dbPassword = "5KTF9ZLO74nWYiWxRtEYkVSP"

var slackBotToken = "xoxb-900534535098-9541827632049-AnVuUvXAYl9K6yWDG3Oe5CE4"

func main() {
	dsn := fmt.Sprintf("host=payouts-db.internal.acme.dev user=payouts password=%s dbname=payouts sslmode=require", dbPassword)
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	// Not a secret: taken from the environment.
	queueURL := os.Getenv("PAYOUTS_QUEUE_URL")
	log.Printf("draining %s (notifying Slack with a %d-character token)", queueURL, len(slackBotToken))
}
