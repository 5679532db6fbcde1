#!/bin/bash
# Prints the client properties of the Kafka admin user (SASL/SCRAM-SHA-512 on the BROKER listener), for the
# broker's healthcheck and kafka-init's kafka-topics.sh (--command-config). The password comes from
# INOVASI_SCRAM_PASSWORD_ADMIN; the output holds it, so write it to a file only the current user can read.
set -euo pipefail
: "${INOVASI_SCRAM_PASSWORD_ADMIN:?INOVASI_SCRAM_PASSWORD_ADMIN is not set}"
printf '%s\n' \
  'security.protocol=SASL_PLAINTEXT' \
  'sasl.mechanism=SCRAM-SHA-512' \
  "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"${INOVASI_SCRAM_PASSWORD_ADMIN}\";"
