"""Values the acme-payments API reads from AWS at run time (demo)."""
import boto3

secrets = boto3.client("secretsmanager")
ssm = boto3.client("ssm")


def orders_database():
    return secrets.get_secret_value(SecretId="prod/orders/db")["SecretString"]


def session_secret():
    return ssm.get_parameter(Name="/app/prod/auth/session-secret", WithDecryption=True)["Parameter"]["Value"]


def partner_api_key():
    # The partner integration is not live yet: nobody has created this secret in the account.
    return secrets.get_secret_value(SecretId="prod/partners/acme-bank-api-key")["SecretString"]
