package io.mcumgr4j.processor.validate;

import io.mcumgr4j.processor.diagnostic.Message;
import io.mcumgr4j.processor.diagnostic.Report;
import io.mcumgr4j.processor.model.GroupModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/** Judges the group itself: what {@code @MgmtGroup} sits on, its id, name and event group. */
final class GroupValidator {

  private GroupValidator() {}

  /** The group's findings; none of the later steps run when it is not an interface. */
  static List<Report> validate(GroupModel group) {
    TypeElement type = group.element();
    List<Report> out = new ArrayList<>();
    if (group.notInterface()) {
      out.add(Report.of(Message.NOT_AN_INTERFACE, type, type.getSimpleName()));
      return out;
    }
    if (group.typeParameters()) {
      out.add(Report.of(Message.GENERIC_GROUP, type, type.getSimpleName()));
    }
    int id = group.id();
    if (id < 0 || id > 0xFFFF) {
      out.add(Report.of(Message.GROUP_ID_RANGE, type, id));
    } else if ((id >= 4 && id <= 7) || (id >= 12 && id <= 62)) {
      out.add(Report.of(Message.GROUP_ID_RESERVED, type, id));
    }
    for (int parent : group.parentIds()) {
      if (parent != id) {
        out.add(Report.of(Message.EXTENSION_ID, type, type.getSimpleName(), parent, parent));
      }
    }
    if (group.eventGroup() < -1 || group.eventGroup() > 0xFFFF) {
      out.add(Report.of(Message.EVENT_GROUP_RANGE, type, group.eventGroup()));
    }
    if (group.name().isBlank()) {
      out.add(Report.of(Message.EMPTY_GROUP_NAME, type));
    }
    for (TypeMirror parent : group.missingParents()) {
      out.add(Report.of(Message.MISSING_TYPE, type, parent));
    }
    for (ExecutableElement m : group.unannotatedMethods()) {
      out.add(Report.of(Message.UNANNOTATED_METHOD, m, m.getSimpleName()));
    }
    return out;
  }
}
