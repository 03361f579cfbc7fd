/**
 * What every {@code ipcbench} subcommand shares, wherever it lives: exit codes, the user's-mistake
 * error, the hook by which a module adds a subcommand, and the advice one command gives about
 * another (kept as arguments, so tests parse it). It imports nothing of the harness, so a
 * view module (the plotter) can offer a subcommand without depending on the command line's code.
 */
package io.ipcbench.command;
