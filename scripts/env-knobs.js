'use strict';
// The load scripts' knobs: an environment number within bounds, or one clear line and exit 2.

function read(name, fallback, min, max, wholeOnly) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  const valid = wholeOnly ? Number.isInteger(value) : Number.isFinite(value);
  if (!valid || value < min || value > max) {
    process.stderr.write(
      `${name} must be a ${wholeOnly ? 'whole number' : 'number'} from ${min} to ${max}, got "${raw}"\n`,
    );
    process.exit(2);
  }
  return value;
}

const wholeNumber = (name, fallback, min, max) => read(name, fallback, min, max, true);
const number = (name, fallback, min, max) => read(name, fallback, min, max, false);

module.exports = { wholeNumber, number };
