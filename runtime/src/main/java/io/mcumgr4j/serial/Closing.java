package io.mcumgr4j.serial;

import java.lang.System.Logger.Level;

/** Closes the parts of a link on shutdown, where a failure is worth a log line but no more. */
public final class Closing {

  private static final System.Logger LOG = System.getLogger(Closing.class.getName());

  private Closing() {}

  /** Closes each non-null resource in order, logging (not throwing) what fails. */
  public static void quietly(AutoCloseable... resources) {
    for (AutoCloseable resource : resources) {
      if (resource == null) {
        continue;
      }
      try {
        resource.close();
      } catch (Exception e) {
        LOG.log(Level.DEBUG, "closing " + resource + " failed", e);
      }
    }
  }
}
