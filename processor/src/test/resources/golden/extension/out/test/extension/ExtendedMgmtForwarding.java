package test.extension;

import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * A {@link ExtendedMgmt} whose inherited commands go to the implementation of {@link BaseMgmt} it is built on: extend it
 * and implement the commands {@code ExtendedMgmt} adds.
 */
@Generated("io.mcumgr4j.processor.MgmtProcessor")
public abstract class ExtendedMgmtForwarding implements ExtendedMgmt {
  private final BaseMgmt baseMgmt;

  /**
   * @param baseMgmt answers the commands of {@link BaseMgmt}
   */
  protected ExtendedMgmtForwarding(BaseMgmt baseMgmt) {
    this.baseMgmt = Objects.requireNonNull(baseMgmt, "baseMgmt");
  }

  @Override
  public BaseMgmt.Info info(boolean verbose) {
    return baseMgmt.info(verbose);
  }
}
