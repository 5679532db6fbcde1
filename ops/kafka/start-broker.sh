#!/bin/bash
# Entrypoint of docker-compose's kafka service (apache/kafka image): SCRAM users exist in KRaft only once they are
# in the cluster metadata, and the image's own start formats the storage without any. So on the first start (empty
# data directory) this formats the storage itself with one SCRAM-SHA-512 user per INOVASI_SCRAM_PASSWORD_<NAME>
# variable (user name: <name> in lower case, _ as -; e.g. INOVASI_SCRAM_PASSWORD_CATALOG_SERVICE is the user
# catalog-service), from the same KAFKA_* variables the image turns into server.properties. Then it runs the image's
# own start (/etc/kafka/docker/run), whose format step finds the storage formatted and goes on.
# Users added later: kafka-configs.sh --alter --add-config 'SCRAM-SHA-512=[password=...]' --entity-type users
# --entity-name <name> with the admin's client properties (docs/security.md).
set -euo pipefail
data_dir="${KAFKA_LOG_DIRS:?KAFKA_LOG_DIRS is not set}"
umask 077

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
  for variable in $(compgen -v INOVASI_SCRAM_PASSWORD_); do
    user=$(printf '%s' "${variable#INOVASI_SCRAM_PASSWORD_}" | tr '[:upper:]' '[:lower:]' | tr '_' '-')
    scram_users+=(--add-scram "SCRAM-SHA-512=[name=${user},password=${!variable}]")
  done
  if [ "${#scram_users[@]}" -eq 0 ]; then
    echo "no INOVASI_SCRAM_PASSWORD_<NAME> variable: no client could authenticate" >&2
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
