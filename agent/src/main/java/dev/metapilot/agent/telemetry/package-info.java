/** Run logs: one JSONL file per run, flushed at every episode end so a crash loses at most the running episode. */
package dev.metapilot.agent.telemetry;
