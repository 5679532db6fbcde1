#!/bin/bash
# Entrypoint of docker-compose's kafka service (apache/kafka image): SCRAM users exist in KRaft only once they are
# in the cluster metadata, and the image's own start formats the storage without any. So on the first start (empty
# data directory) this formats the storage itself with one SCRAM-SHA-512 user per secret file
# /run/secrets/INOVASI_SCRAM_PASSWORD_<NAME> (user name: <name> in lower case, _ as -; e.g.
# INOVASI_SCRAM_PASSWORD_CATALOG_SERVICE is the user catalog-service), from the same KAFKA_* variables the image turns
# into server.properties. Then it runs the image's own start (/etc/kafka/docker/run), whose format step finds the
# storage formatted and goes on. The passwords stay in files: the broker's own logins (as admin on the BROKER
# listener; with /run/secrets/KAFKA_CONTROLLER_PASSWORD also SASL/PLAIN on the CONTROLLER listener of a
# multi-broker quorum) are exported to this process only, for the image's start to write into server.properties.
# Users added later: kafka-configs.sh --alter --add-config 'SCRAM-SHA-512=[password=...]' --entity-type users
# --entity-name <name> with the admin's client properties (docs/security.md).
set -euo pipefail
data_dir="${KAFKA_LOG_DIRS:?KAFKA_LOG_DIRS is not set}"
secrets_dir="${INOVASI_SECRETS_DIR:-/run/secrets}"
umask 077

admin_password=$(cat "${secrets_dir}/INOVASI_SCRAM_PASSWORD_ADMIN")
export KAFKA_LISTENER_NAME_BROKER_SCRAM___SHA___512_SASL_JAAS_CONFIG="org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"${admin_password}\";"
if [ -f "${secrets_dir}/KAFKA_CONTROLLER_PASSWORD" ]; then
  controller_password=$(cat "${secrets_dir}/KAFKA_CONTROLLER_PASSWORD")
  export KAFKA_LISTENER_NAME_CONTROLLER_PLAIN_SASL_JAAS_CONFIG="org.apache.kafka.common.security.plain.PlainLoginModule required username=\"controller\" password=\"${controller_password}\" user_controller=\"${controller_password}\";"
fi

if [ ! -f "${data_dir}/meta.properties" ]; then
  format_config=$(mktemp)
  # The image's conversion (KafkaDockerWrapper): KAFKA_ removed, lower case, _ -> ., ___ -> -, __ -> _.
  while IFS='=' read -r name value; do
    case "${name}" in
      KAFKA_VERSION|KAFKA_HEAP_OPTS|KAFKA_LOG4J_OPTS|KAFKA_OPTS|KAFKA_JMX_OPTS|KAFKA_JVM_PERFORMANCE_OPTS|\
      KAFKA_GC_LOG_OPTS|KAFKA_LOG4J_ROOT_LOGLEVEL|KAFKA_LOG4J_LOGGERS|KAFKA_TOOLS_LOG4J_LOGLEVEL|KAFKA_JMX_HOSTNAME)
        continue ;;
    esac
    key=$(printf '%s' "${name#KAFKA_}" | tr '[:upper:]' '[:lower:]' | sed -e 's/_/./g' -e 's/\.\.\./-/g' -e 's/\.\./_/g')
    printf '%s=%s\n' "${key}" "${value}" >> "${format_config}"
  done < <(env | grep '^KAFKA_')

  scram_users=()
  for file in "${secrets_dir}"/INOVASI_SCRAM_PASSWORD_*; do
    [ -f "${file}" ] || continue
    name=$(basename "${file}")
    user=$(printf '%s' "${name#INOVASI_SCRAM_PASSWORD_}" | tr '[:upper:]' '[:lower:]' | tr '_' '-')
    scram_users+=(--add-scram "SCRAM-SHA-512=[name=${user},password=$(cat "${file}")]")
  done
  if [ "${#scram_users[@]}" -eq 0 ]; then
    echo "no secret file ${secrets_dir}/INOVASI_SCRAM_PASSWORD_<NAME>: no client could authenticate" >&2
    exit 1
  fi
  echo "===> Formatting ${data_dir} with SCRAM users"
  /opt/kafka/bin/kafka-storage.sh format --cluster-id "${CLUSTER_ID:?CLUSTER_ID is not set}" \
    --config "${format_config}" "${scram_users[@]}"
  rm -f "${format_config}"
fi

# The admin's client properties for the healthcheck (kafka-broker-api-versions.sh --command-config).
bash /opt/inovasi/kafka/admin-client-properties.sh > /tmp/inovasi-admin.properties
exec /etc/kafka/docker/run
