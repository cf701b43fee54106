/**
 * `npx graphql-schema-linter schema/schema.graphql` reads this file; test/unit/schema-lint.test.ts runs it.
 * No `rules` list, so every built-in rule is on: descriptions on every type, field, argument, enum
 * value and input field; camelCase fields and inputs; capitalised types and descriptions; ALL_CAPS
 * enum values; sorted fields and values (the emitted SDL is sorted); deprecations with a reason;
 * no unused types; Relay connection types, connection arguments and PageInfo.
 */
module.exports = {};
