// Run once by the mongo image, on the first start of an empty data directory, as the root user
// (/docker-entrypoint-initdb.d): one user per service, with readWrite on that service's database only.
// INOVASI_MONGO_USERS lists them as <user>@<database>; each password comes from the secret file
// /run/secrets/INOVASI_MONGO_PASSWORD_<USER> (the user in upper case, - as _). docker-compose.yml mounts both.
const fs = require('fs');
const entries = (process.env.INOVASI_MONGO_USERS || '').split(/\s+/).filter(Boolean);
if (entries.length === 0) {
  throw new Error('INOVASI_MONGO_USERS is empty: no service could log in');
}
for (const entry of entries) {
  const [user, database] = entry.split('@');
  const file = '/run/secrets/INOVASI_MONGO_PASSWORD_' + user.toUpperCase().replace(/-/g, '_');
  const pwd = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '';
  if (!database || !pwd) {
    throw new Error(`${entry}: expected <user>@<database> and the password in ${file}`);
  }
  db.getSiblingDB(database).createUser({ user, pwd, roles: [{ role: 'readWrite', db: database }] });
  print(`created ${user} with readWrite on ${database}`);
}
