package io.mcumgr4j.cli;

/**
 * Marks a command that does not talk to a device ({@code serve}, {@code demo}, {@code image
 * create}): {@link CommandTree} takes the device options ({@code -c}, {@code --timeout}, ...) off
 * it and its subcommands, so its help lists only what it uses.
 */
interface LocalCommand {}
