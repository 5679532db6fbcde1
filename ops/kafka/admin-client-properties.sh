#!/bin/bash
# Prints the client properties of the Kafka admin user (SASL/SCRAM-SHA-512 on the BROKER listener), for the
# broker's healthcheck and kafka-init's kafka-topics.sh (--command-config). The password comes from the secret file
# /run/secrets/INOVASI_SCRAM_PASSWORD_ADMIN; the output holds it, so write it to a file only the current user can read.
set -euo pipefail
password_file="${INOVASI_SECRETS_DIR:-/run/secrets}/INOVASI_SCRAM_PASSWORD_ADMIN"
[ -s "${password_file}" ] || { echo "${password_file} is missing or empty" >&2; exit 1; }
printf '%s\n' \
  'security.protocol=SASL_PLAINTEXT' \
  'sasl.mechanism=SCRAM-SHA-512' \
  "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"$(cat "${password_file}")\";"
