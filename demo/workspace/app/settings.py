"""Settings for the acme-payments API (demo: every credential here is fake)."""
import os

DEBUG = os.environ.get("DEBUG", "false") == "true"
REGION = "us-east-1"

# TODO: move to Secrets Manager before go-live
AWS_ACCESS_KEY_ID = "AKIAC4IDBDTRBIGL4OIW"
AWS_SECRET_ACCESS_KEY = "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"

DATABASE_URL = "postgresql://payments_app:Dqn3TQPXDTuzdkgijv@payments-db.internal.acme.dev:5432/payments"

STRIPE_SECRET_KEY = "sk_live_wyMSECFLTmdG3FV96s1V5Pezdgo1kNWPFIiGoiJd"

# Not secrets: a lookup, and a placeholder for local development.
SENTRY_DSN = os.environ["SENTRY_DSN"]
ADMIN_PASSWORD = "changeme"


def database_settings():
    return {"url": DATABASE_URL, "pool_size": 10, "timeout_seconds": 5}
