/** The {@code locomotion} environment plugin: a differential-drive robot with hidden dynamics and a hidden target. */
package dev.metapilot.locomotion;
