/**
 * A small strict JSON reader (RFC 8259, no extensions) that keeps the line and column of every value, so task files are
 * rejected with the place of the problem. No dependency: plugin modules depend on the plugin API only.
 */
package dev.metapilot.locomotion.json;
