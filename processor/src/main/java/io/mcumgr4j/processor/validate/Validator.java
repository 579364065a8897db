package io.mcumgr4j.processor.validate;

import io.mcumgr4j.processor.diagnostic.Report;
import io.mcumgr4j.processor.model.GroupModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Step two of three: judges a {@link GroupModel} with one validator per subject (the group, its
 * error codes, its commands and their types, the other groups of the compilation) and returns
 * what they find; it prints nothing.
 */
public final class Validator {

  private final GroupSetValidator groupSet = new GroupSetValidator();

  /** Every finding about {@code group}; empty when it is valid. */
  public List<Report> validate(GroupModel group) {
    List<Report> out = new ArrayList<>(GroupValidator.validate(group));
    if (group.notInterface()) {
      return out;
    }
    out.addAll(ErrorCodeValidator.validate(group));
    out.addAll(CommandValidator.validate(group));
    out.addAll(groupSet.validate(group));
    return out;
  }
}
