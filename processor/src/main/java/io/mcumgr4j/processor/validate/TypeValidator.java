package io.mcumgr4j.processor.validate;

import io.mcumgr4j.processor.diagnostic.Message;
import io.mcumgr4j.processor.diagnostic.Report;
import io.mcumgr4j.processor.model.CborType;
import io.mcumgr4j.processor.model.FieldModel;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;

/**
 * Judges the types values travel as: an unsupported type at any depth (the model says why), and
 * each record's components once per group, wherever the record travels.
 */
final class TypeValidator {

  /** Most keys a record has: one bit each in the decoder's {@code long} of keys seen. */
  static final int MAX_KEYS = 64;

  private final Set<String> checkedRecords = new HashSet<>();
  private final List<Report> out;

  TypeValidator(List<Report> out) {
    this.out = out;
  }

  /** Reports what is wrong with {@code type}, on {@code where}. */
  void check(Element where, CborType type) {
    if (type instanceof CborType.Unsupported u) {
      out.add(Report.of(u.message(), where, u.args().toArray()));
    } else if (type instanceof CborType.ListOf l) {
      check(where, l.item());
    } else if (type instanceof CborType.MapOf m) {
      check(where, m.value());
    } else if (type instanceof CborType.Opt o) {
      check(where, o.inner());
    } else if (type instanceof CborType.Rec r && checkedRecords.add(r.element().getQualifiedName().toString())) {
      checkFields(r.fields());
    }
  }

  private void checkFields(List<FieldModel> fields) {
    if (fields.size() > MAX_KEYS) {
      out.add(Report.of(Message.TOO_MANY_COMPONENTS, fields.get(MAX_KEYS).element(), MAX_KEYS));
    }
    Map<String, String> keys = new HashMap<>();
    for (FieldModel f : fields) {
      if (f.key().isEmpty()) {
        out.add(Report.of(Message.EMPTY_FIELD_KEY, f.element(), f.name()));
      }
      String before = keys.putIfAbsent(f.key(), f.name());
      if (before != null) {
        out.add(Report.of(Message.FIELD_KEY_TWICE, f.element(), f.key(), before));
      }
      check(f.element(), f.type());
    }
  }
}
