package io.mcumgr4j.cli;

import java.util.Map;

/** One in-process run of the command line: exit code, standard output and error. */
record Run(int code, String out, String err) {

  /** Standard output parsed as a JSON object. */
  @SuppressWarnings("unchecked")
  Map<String, Object> json() {
    return (Map<String, Object>) Json.parse(out);
  }
}
