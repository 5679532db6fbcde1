#!/bin/bash
# Entrypoint of docker-compose's mongo service (mongo image, started as root): a replica set with access control
# needs a key file its members authenticate each other with. This creates one on the first start (random, kept in
# the mongo-config volume, readable by the mongodb user only), then runs the image's entrypoint with the given
# arguments and --keyFile. The image creates the root user from MONGO_INITDB_ROOT_USERNAME/PASSWORD and runs
# /docker-entrypoint-initdb.d (create-service-users.js) on the first start, and turns on --auth.
set -euo pipefail
key_file=/data/configdb/replica-set.key
if [ ! -s "${key_file}" ]; then
  umask 077
  head -c 756 /dev/urandom | base64 -w 0 > "${key_file}"
fi
chown mongodb:mongodb "${key_file}"
chmod 400 "${key_file}"
exec docker-entrypoint.sh mongod "$@" --keyFile "${key_file}"
