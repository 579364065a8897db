package io.mcumgr4j.server;

import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.cbor.CborWriter;

/**
 * One command's handler for one op (Zephyr's {@code mh_read} / {@code mh_write}). Generated
 * dispatchers implement it per command.
 */
@FunctionalInterface
public interface CommandHandler {

  /**
   * Handles one request.
   *
   * @param ctx the request's context
   * @param request a reader positioned before the request payload (normally a map); a command
   *     that takes no parameters need not read it
   * @param response the response, inside its already opened top-level map: write keys and values
   *     only; the server closes the map
   * @throws io.mcumgr4j.error.MgmtException to answer {@code {rc}}; the output is discarded
   * @throws io.mcumgr4j.error.GroupErrorException to answer with a group error alone
   */
  void handle(RequestContext ctx, CborReader request, CborWriter response);
}
