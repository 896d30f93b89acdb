/**
 * Provenance of what the agent loads: Ed25519 signatures of model files checked against the user's trusted keys,
 * SHA-256 manifests of shipped models and of plugin jars.
 */
package dev.metapilot.agent.trust;
