package io.mcumgr4j.processor.validate;

import io.mcumgr4j.processor.diagnostic.Message;
import io.mcumgr4j.processor.diagnostic.Report;
import io.mcumgr4j.processor.model.ErrorModel;
import io.mcumgr4j.processor.model.GroupModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;

/** Judges the group's {@code @ErrorCode}s, own and inherited: codes and names, each once. */
final class ErrorCodeValidator {

  private ErrorCodeValidator() {}

  static List<Report> validate(GroupModel group) {
    List<Report> out = new ArrayList<>();
    Map<Integer, String> codes = new HashMap<>();
    Set<String> names = new HashSet<>();
    for (ErrorModel e : group.errors()) {
      if (e.code() == 0 || e.code() == 1) {
        out.add(at(e, Message.ERROR_CODE_TAKEN, e.code(), e.name()));
      } else if (e.code() < 0 || e.code() > 0xFFFF) {
        out.add(at(e, Message.ERROR_CODE_RANGE, e.code(), e.name()));
      }
      String before = codes.putIfAbsent(e.code(), e.name());
      if (before != null) {
        out.add(at(e, Message.ERROR_CODE_TWICE, e.code(), before, e.name()));
      }
      if (!SourceVersion.isIdentifier(e.name()) || SourceVersion.isKeyword(e.name())
          || !e.name().equals(e.name().toUpperCase(Locale.ROOT))) {
        out.add(at(e, Message.ERROR_NAME_FORM, e.name()));
      } else if (e.name().equals("OK") || e.name().equals("UNKNOWN")) {
        out.add(at(e, Message.ERROR_NAME_TAKEN, e.name(), e.name().equals("OK") ? 0 : 1));
      } else if (e.name().equals("GROUP_ID")) {
        out.add(at(e, Message.ERROR_NAME_GROUP_ID));
      } else if (!names.add(e.name())) {
        out.add(at(e, Message.ERROR_NAME_TWICE, e.name()));
      }
    }
    return out;
  }

  /** On the {@code @ErrorCode} entry itself where the annotation gives it. */
  private static Report at(ErrorModel e, Message message, Object... args) {
    return e.annotation() != null && e.value() != null
        ? Report.at(message, e.element(), e.annotation(), e.value(), args)
        : Report.of(message, e.element(), args);
  }
}
