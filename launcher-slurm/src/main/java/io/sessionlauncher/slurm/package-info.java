/**
 * The Slurm plugin, product {@code slurm}, mode {@code batch}: a session as a Slurm batch job.
 * {@link io.sessionlauncher.slurm.SlurmConfig} is its configuration, {@link
 * io.sessionlauncher.slurm.SlurmPlugin} the plugin; one job's life is {@code SlurmJob}, the Slurm
 * commands it runs are in {@code Slurm}.
 */
package io.sessionlauncher.slurm;
