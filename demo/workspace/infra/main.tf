# Infrastructure for acme-payments (demo: every credential here is fake)
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region     = "us-east-1"
  access_key = "AKIAC4IDBDTRBIGL4OIW"
  secret_key = "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"
}

resource "aws_db_instance" "payments" {
  identifier        = "payments-db"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
  username          = "payments_admin"
  password          = "Wn4Rt8Yq2Lk6Hs9Bv3Zc"
  skip_final_snapshot = true
}

# Not a secret: a reference to a variable.
variable "datadog_api_key" {
  type      = string
  sensitive = true
}
