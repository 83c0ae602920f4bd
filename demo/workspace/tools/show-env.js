// Shows which of the app's settings this process received — never their values, only whether
// each is set and how long it is. Run it in "Open Terminal with Secrets", under F5 or as a task.
const names = ['APP_ENV', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'JWT_SECRET', 'SLACK_WEBHOOK_URL', 'DATABASE_PASSWORD'];
for (const name of names) {
  const value = process.env[name];
  console.log(`${name.padEnd(22)} ${value === undefined ? 'not set' : `set (${value.length} characters)`}`);
}
