package io.mcumgr4j.processor.validate;

import io.mcumgr4j.annotation.Uint;
import io.mcumgr4j.processor.diagnostic.Message;
import io.mcumgr4j.processor.diagnostic.Report;
import io.mcumgr4j.processor.model.CborType;
import io.mcumgr4j.processor.model.CommandModel;
import io.mcumgr4j.processor.model.GroupModel;
import io.mcumgr4j.processor.model.ParamModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;

/**
 * Judges the commands, own and inherited: ids and ops, names (and the names the generated client
 * and events derive from them), hooks, parameters, and through {@link TypeValidator} the types of
 * parameters and results.
 */
final class CommandValidator {

  /** Most hooked commands a group has: one event bit each. */
  static final int MAX_HOOKS = 16;

  private final GroupModel group;
  private final List<Report> out = new ArrayList<>();
  private final TypeValidator types = new TypeValidator(out);

  private CommandValidator(GroupModel group) {
    this.group = group;
  }

  static List<Report> validate(GroupModel group) {
    CommandValidator v = new CommandValidator(group);
    v.checkCommands();
    v.checkGeneratedNames();
    return v.out;
  }

  private void checkCommands() {
    Map<String, CommandModel> slots = new HashMap<>();
    Map<String, CommandModel> methodNames = new HashMap<>();
    int hooks = 0;
    for (CommandModel c : group.commands()) {
      Element m = c.element();
      if (c.id() < 0 || c.id() > 255) {
        out.add(Report.of(Message.COMMAND_ID_RANGE, m, c.id()));
      }
      if (c.ops().isEmpty()) {
        out.add(Report.of(Message.NO_OPS, m, c.name()));
      }
      Set<String> ops = new HashSet<>();
      for (String op : c.ops()) {
        if (!op.equals("READ") && !op.equals("WRITE")) {
          out.add(Report.of(Message.RESPONSE_OP, m, op));
        } else if (!ops.add(op)) {
          out.add(Report.of(Message.OP_TWICE, m, op));
        } else {
          CommandModel other = slots.putIfAbsent(c.id() + "/" + op, c);
          if (other != null) {
            out.add(Report.of(Message.COMMAND_SLOT_TAKEN, m, c.id(), op, other.name(), c.name()));
          }
        }
      }
      if (methodNames.putIfAbsent(c.name(), c) != null) {
        out.add(Report.of(Message.COMMAND_NAME_TWICE, m, c.name()));
      }
      if (!c.element().getTypeParameters().isEmpty()) {
        out.add(Report.of(Message.GENERIC_COMMAND, m, c.name()));
      }
      if (!c.thrown().isEmpty()) {
        out.add(Report.of(Message.CHECKED_EXCEPTIONS, m, c.name(), c.thrown()));
      }
      if (c.hook() && ++hooks > MAX_HOOKS) {
        out.add(Report.of(Message.TOO_MANY_HOOKS, m, MAX_HOOKS, c.name()));
      }
      if (c.hook() && group.effectiveEventGroup() < 0) {
        out.add(Report.of(Message.HOOK_WITHOUT_EVENT_GROUP, m, c.name(), group.id()));
      }
      checkParams(c);
      if (c.result() != null) {
        types.check(m, c.result());
      }
    }
  }

  /**
   * Names that are legal in the interface but would clash in the generated client or events. Each
   * clash is reported on the later command, which is the extension's own when one is inherited.
   */
  private void checkGeneratedNames() {
    Set<String> earlier = new HashSet<>();
    Map<String, CommandModel> eventConstants = new HashMap<>();
    for (CommandModel c : group.commands()) {
      String name = c.name();
      String blocking = name.endsWith("Async") ? name.substring(0, name.length() - "Async".length()) : null;
      if (blocking != null && earlier.contains(blocking)) {
        out.add(Report.of(Message.CLIENT_METHOD_CLASH, c.element(), blocking, blocking, blocking, blocking));
      } else if (earlier.contains(name + "Async")) {
        out.add(Report.of(Message.CLIENT_METHOD_CLASH, c.element(), name, name, name, name));
      }
      earlier.add(name);
      if (!c.hook()) {
        continue;
      }
      String constant = c.eventConstant();
      if (constant.equals("EVENT_GROUP")) {
        out.add(Report.of(Message.EVENT_CONSTANT_RESERVED, c.element(), name));
      } else {
        CommandModel other = eventConstants.putIfAbsent(constant, c);
        if (other != null) {
          out.add(Report.of(Message.EVENT_CONSTANT_CLASH, c.element(), other.name(), name, constant));
        }
      }
    }
  }

  private void checkParams(CommandModel c) {
    if (c.params().stream().filter(p -> !p.context()).count() > TypeValidator.MAX_KEYS) {
      out.add(Report.of(Message.TOO_MANY_KEYS, c.element(), c.name(), TypeValidator.MAX_KEYS));
    }
    Map<String, String> keys = new HashMap<>();
    int contexts = 0;
    for (ParamModel p : c.params()) {
      Element e = p.element();
      if (p.context()) {
        if (e.getAnnotation(Uint.class) != null) {
          out.add(Report.of(Message.UINT_ON_CONTEXT, e, p.name()));
        }
        if (p.key() != null) {
          out.add(Report.of(Message.PARAM_ON_CONTEXT, e, p.name()));
        }
        if (++contexts > 1) {
          out.add(Report.of(Message.CONTEXT_TWICE, e, c.name()));
        }
        continue;
      }
      if (p.key() == null) {
        out.add(Report.of(Message.MISSING_PARAM, e, p.name()));
        continue;
      }
      if (p.key().isEmpty()) {
        out.add(Report.of(Message.EMPTY_PARAM_KEY, e, p.name()));
      }
      String before = keys.putIfAbsent(p.key(), p.name());
      if (before != null) {
        out.add(Report.of(Message.PARAM_KEY_TWICE, e, p.key(), before));
      }
      if (p.lenient() && !(p.optional() && (p.type() instanceof CborType.Scalar
          || p.type() instanceof CborType.Opt o && o.inner() instanceof CborType.Scalar))) {
        out.add(Report.of(Message.LENIENT_NOT_OPTIONAL_VALUE, e, p.name()));
      }
      if (p.explicitlyOptional() && p.type() instanceof CborType.Scalar s && s.primitive()) {
        out.add(Report.of(Message.OPTIONAL_PRIMITIVE, e, p.name(), s.mirror()));
      }
      types.check(e, p.type());
    }
  }
}
