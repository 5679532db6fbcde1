// Validates an AsyncAPI document against the official AsyncAPI JSON Schema of its version and the parser's rules,
// resolving its $refs (relative files too). Prints every diagnostic; exits 1 when any is an error.
// Usage: node validate-asyncapi.mjs <file>
import { Parser, fromFile } from '@asyncapi/parser';

const file = process.argv[2];
if (!file) {
  console.error('usage: node validate-asyncapi.mjs <file>');
  process.exit(2);
}
const parser = new Parser();
const { document, diagnostics } = await fromFile(parser, file).parse();
const severities = ['error', 'warning', 'information', 'hint'];
for (const d of diagnostics) {
  console.log(`${severities[d.severity]} ${d.code} ${d.path.join('.')}: ${d.message}`);
}
const errors = diagnostics.filter((d) => d.severity === 0).length;
if (!document || errors > 0) {
  console.log(`invalid: ${errors} error(s)`);
  process.exit(1);
}
console.log(`valid: AsyncAPI ${document.version()}, channels ${document.channels().all().map((c) => c.address()).join(', ')}`);
