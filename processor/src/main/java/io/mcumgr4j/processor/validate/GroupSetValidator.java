package io.mcumgr4j.processor.validate;

import io.mcumgr4j.processor.diagnostic.Message;
import io.mcumgr4j.processor.diagnostic.Report;
import io.mcumgr4j.processor.model.GroupModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;

/**
 * Judges each group against the others the compilation declares: one declaration per group id
 * (extensions aside), and no two groups whose generated types would share names.
 */
final class GroupSetValidator {

  /** Root declarations (not extensions) by group id. */
  private final Map<Integer, TypeElement> roots = new HashMap<>();
  /** Interfaces by the qualified prefix of their generated types: nested {@code A.B} and {@code A_B} collide. */
  private final Map<String, TypeElement> prefixes = new HashMap<>();

  List<Report> validate(GroupModel group) {
    List<Report> out = new ArrayList<>();
    TypeElement type = group.element();
    if (!group.parentIds().contains(group.id())) {
      TypeElement other = roots.putIfAbsent(group.id(), type);
      if (other != null && !other.equals(type)) {
        out.add(Report.of(Message.DUPLICATE_GROUP_ID, type, group.id(), other.getQualifiedName(), other.getSimpleName()));
      }
    }
    TypeElement sameNames = prefixes.putIfAbsent(group.packageName() + "." + group.simpleName(), type);
    if (sameNames != null && !sameNames.equals(type)) {
      out.add(Report.of(Message.GENERATED_NAME_CLASH, type, type.getQualifiedName(), sameNames.getQualifiedName(),
          group.simpleName()));
    }
    return out;
  }
}
