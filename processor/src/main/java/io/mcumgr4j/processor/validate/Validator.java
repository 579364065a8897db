package io.mcumgr4j.processor.validate;

import io.mcumgr4j.annotation.Uint;
import io.mcumgr4j.processor.model.CborType;
import io.mcumgr4j.processor.model.CommandModel;
import io.mcumgr4j.processor.model.ErrorModel;
import io.mcumgr4j.processor.model.FieldModel;
import io.mcumgr4j.processor.model.GroupModel;
import io.mcumgr4j.processor.model.ParamModel;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Step two of three: judges a {@link GroupModel} and reports every misuse as a compile error on
 * the element at fault, with a message that says the fix.
 */
public final class Validator {

  /** Most hooked commands a group has: one event bit each. */
  static final int MAX_HOOKS = 16;
  /** Most keys a request or record has: one bit each in the decoder's {@code long} of keys seen. */
  static final int MAX_KEYS = 64;

  private final Messager messager;
  /** The interface being validated: what it inherits is reported on it (an inherited element may have no source). */
  private TypeElement root;
  private boolean valid;

  public Validator(Messager messager) {
    this.messager = messager;
  }

  /** Reports the model's problems; returns whether there were none. */
  public boolean validate(GroupModel group) {
    valid = true;
    root = group.element();
    Element type = group.element();
    if (group.notInterface()) {
      error(type, "@MgmtGroup goes on an interface whose methods are the group's commands: make "
          + type.getSimpleName() + " an interface");
      return false;
    }
    if (group.typeParameters()) {
      error(type, "a group interface cannot be generic: remove the type parameters of " + type.getSimpleName());
    }
    checkGroupId(group);
    if (group.name().isBlank()) {
      error(type, "@MgmtGroup name is empty: give the name enumeration reports, e.g. name = \"example\"");
    }
    checkErrors(group);
    for (var m : group.unannotatedMethods()) {
      error(m, "every abstract method of a group interface is a command: annotate " + m.getSimpleName()
          + "() with @Command(id = ..., ops = ...), or make it a default method");
    }
    checkCommands(group);
    return valid;
  }

  private void checkGroupId(GroupModel group) {
    int id = group.id();
    Element type = group.element();
    if (id < 0 || id > 0xFFFF) {
      error(type, "group id " + id + " is outside 0..65535");
    } else if ((id >= 4 && id <= 7) || (id >= 12 && id <= 62)) {
      error(type, "group id " + id + " is reserved: Zephyr's groups use 0-3, 8-11 and 63; "
          + "application groups start at 64 (MGMT_GROUP_ID_PERUSER)");
    }
    for (int parent : group.parentIds()) {
      if (parent != id) {
        error(type, type.getSimpleName() + " extends the group with id " + parent
            + " to add commands to it: declare @MgmtGroup(id = " + parent + ", ...)");
      }
    }
    if (group.eventGroup() < -1 || group.eventGroup() > 0xFFFF) {
      error(type, "eventGroup " + group.eventGroup() + " is outside 0..65535");
    }
  }

  private void error(ErrorModel e, String message) {
    valid = false;
    if (!e.element().equals(root)) {
      messager.printMessage(Diagnostic.Kind.ERROR, message + " (an error code of " + qualified(e.element())
          + ", which " + root.getSimpleName() + " extends)", root);
    } else if (e.annotation() != null && e.value() != null) {
      messager.printMessage(Diagnostic.Kind.ERROR, message, e.element(), e.annotation(), e.value());
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, message, e.element());
    }
  }

  private void checkErrors(GroupModel group) {
    Map<Integer, String> codes = new HashMap<>();
    Set<String> names = new HashSet<>();
    for (ErrorModel e : group.errors()) {
      if (e.code() == 0 || e.code() == 1) {
        error(e, "error code " + e.code() + " (" + e.name() + ") is taken: 0 is OK and 1 is UNKNOWN in "
            + "every group; declared codes start at 2");
      } else if (e.code() < 0 || e.code() > 0xFFFF) {
        error(e, "error code " + e.code() + " (" + e.name() + ") is outside 2..65535");
      }
      String before = codes.putIfAbsent(e.code(), e.name());
      if (before != null) {
        error(e, "error code " + e.code() + " is declared twice (" + before + " and " + e.name()
            + "): give each error its own code");
      }
      if (!SourceVersion.isIdentifier(e.name()) || SourceVersion.isKeyword(e.name())
          || !e.name().equals(e.name().toUpperCase(java.util.Locale.ROOT))) {
        error(e, "error name '" + e.name() + "' must be an UPPER_SNAKE_CASE Java identifier, e.g. NOT_WANTED");
      } else if (e.name().equals("OK") || e.name().equals("UNKNOWN")) {
        error(e, "error name " + e.name() + " is taken by code " + (e.name().equals("OK") ? 0 : 1)
            + ": choose another name");
      } else if (e.name().equals("GROUP_ID")) {
        error(e, "error name GROUP_ID is taken by the error enum's GROUP_ID constant (the group id): "
            + "choose another name");
      } else if (!names.add(e.name())) {
        error(e, "error name " + e.name() + " is declared twice: give each error its own name");
      }
    }
  }

  private void checkCommands(GroupModel group) {
    Map<String, CommandModel> slots = new HashMap<>();
    Map<String, CommandModel> methodNames = new HashMap<>();
    Set<String> checkedRecords = new HashSet<>();
    int hooks = 0;
    for (CommandModel c : group.commands()) {
      Element m = c.element();
      if (c.id() < 0 || c.id() > 255) {
        error(m, "command id " + c.id() + " is outside 0..255");
      }
      if (c.ops().isEmpty()) {
        error(m, "command " + c.name() + "() has no ops: say which requests it answers, "
            + "ops = Op.READ, Op.WRITE or {Op.READ, Op.WRITE}");
      }
      Set<String> ops = new HashSet<>();
      for (String op : c.ops()) {
        if (!op.equals("READ") && !op.equals("WRITE")) {
          error(m, "Op." + op + " is a response op: a command answers Op.READ and/or Op.WRITE requests");
        } else if (!ops.add(op)) {
          error(m, "Op." + op + " is listed twice in ops");
        } else {
          CommandModel other = slots.putIfAbsent(c.id() + "/" + op, c);
          if (other != null) {
            error(m, "command id " + c.id() + " already answers " + op + " requests in " + other.name()
                + "(): give " + c.name() + "() another id, or another op");
          }
        }
      }
      CommandModel sameName = methodNames.putIfAbsent(c.name(), c);
      if (sameName != null) {
        error(m, "two commands are named " + c.name() + "(): command methods need distinct names, "
            + "which the generated client and dispatcher use");
      }
      if (!c.element().getTypeParameters().isEmpty()) {
        error(m, "command " + c.name() + "() cannot be generic: remove its type parameters");
      }
      if (!c.thrown().isEmpty()) {
        error(m, "command " + c.name() + "() declares checked exceptions " + c.thrown()
            + ": fail with MgmtException or GroupErrorException, which are unchecked");
      }
      if (c.hook() && ++hooks > MAX_HOOKS) {
        error(m, "a group has at most " + MAX_HOOKS + " hooked commands (one event bit each): "
            + "drop hook = true from " + c.name() + "()");
      }
      if (c.hook() && group.effectiveEventGroup() < 0) {
        error(m, "command " + c.name() + "() has a hook but group " + group.id() + " is below 64: name its "
            + "callback event group with @MgmtGroup(eventGroup = ...)");
      }
      checkParams(c, checkedRecords);
      if (c.result() instanceof CborType.Unsupported u) {
        error(m, u.reason());
      } else if (c.result() != null) {
        checkType(m, c.result(), checkedRecords);
      }
    }
    checkGeneratedNames(group);
  }

  /**
   * Names that are legal in the interface but would clash in the generated client or events. Each
   * clash is reported on the later command, which is the extension's own when one is inherited.
   */
  private void checkGeneratedNames(GroupModel group) {
    Set<String> earlier = new HashSet<>();
    Map<String, CommandModel> eventConstants = new HashMap<>();
    for (CommandModel c : group.commands()) {
      String name = c.name();
      String blocking = name.endsWith("Async") ? name.substring(0, name.length() - "Async".length()) : null;
      if (blocking != null && earlier.contains(blocking)) {
        clientClash(c, blocking);
      } else if (earlier.contains(name + "Async")) {
        clientClash(c, name);
      }
      earlier.add(name);
      if (!c.hook()) {
        continue;
      }
      String constant = c.eventConstant();
      if (constant.equals("EVENT_GROUP")) {
        error(c.element(), "hooked command " + name + "() would get the event id constant EVENT_GROUP, which the "
            + "events class uses for its event group: rename the command");
      } else {
        CommandModel other = eventConstants.putIfAbsent(constant, c);
        if (other != null) {
          error(c.element(), "hooked commands " + other.name() + "() and " + name + "() would share the event id "
              + "constant " + constant + ": rename one of the two");
        }
      }
    }
  }

  private void clientClash(CommandModel c, String blocking) {
    error(c.element(), "commands " + blocking + "() and " + blocking + "Async() clash in the client, whose "
        + "non-blocking method for " + blocking + "() is " + blocking + "Async(): rename one of the two");
  }

  private void checkParams(CommandModel c, Set<String> checkedRecords) {
    if (c.params().stream().filter(p -> !p.context()).count() > MAX_KEYS) {
      error(c.element(), "command " + c.name() + "() has more than " + MAX_KEYS
          + " request keys: gather some into a record parameter (a nested map)");
    }
    Map<String, String> keys = new HashMap<>();
    int contexts = 0;
    for (ParamModel p : c.params()) {
      Element e = p.element();
      if (p.context()) {
        if (e.getAnnotation(Uint.class) != null) {
          error(e, "@Uint applies to integers only, not the RequestContext " + p.name() + ": remove it");
        }
        if (p.key() != null) {
          error(e, "parameter " + p.name() + " is the request's context, which the server passes: remove its @Param");
        }
        if (++contexts > 1) {
          error(e, "command " + c.name() + "() takes the RequestContext twice: keep one parameter");
        }
        continue;
      }
      if (p.key() == null) {
        error(e, "parameter " + p.name() + " needs its request key: annotate it with @Param(\"key\") "
            + "(or make it the RequestContext)");
        continue;
      }
      if (p.key().isEmpty()) {
        error(e, "@Param key of " + p.name() + " is empty: give the CBOR key of the request map");
      }
      String before = keys.putIfAbsent(p.key(), p.name());
      if (before != null) {
        error(e, "key '" + p.key() + "' is already used by parameter " + before + ": each parameter needs its own key");
      }
      if (p.lenient() && !(p.optional() && (p.type() instanceof CborType.Scalar
          || p.type() instanceof CborType.Opt o && o.inner() instanceof CborType.Scalar))) {
        error(e, "lenient parameter " + p.name() + " must be an optional single value (a boxed type, String, "
            + "byte[] or an Optional*): a value of another type is dropped as if absent");
      }
      if (p.explicitlyOptional() && p.type() instanceof CborType.Scalar s && s.primitive()) {
        error(e, "optional parameter " + p.name() + " has primitive type " + s.mirror()
            + ", which cannot be absent: use OptionalInt, OptionalLong, OptionalDouble or a boxed type");
      }
      checkType(e, p.type(), checkedRecords);
    }
  }

  /** Reports unsupported types at any depth, and each record's fields once. */
  private void checkType(Element where, CborType type, Set<String> checkedRecords) {
    if (type instanceof CborType.Unsupported u) {
      error(where, u.reason());
    } else if (type instanceof CborType.ListOf l) {
      checkType(where, l.item(), checkedRecords);
    } else if (type instanceof CborType.MapOf m) {
      checkType(where, m.value(), checkedRecords);
    } else if (type instanceof CborType.Opt o) {
      checkType(where, o.inner(), checkedRecords);
    } else if (type instanceof CborType.Rec r && checkedRecords.add(r.element().getQualifiedName().toString())) {
      checkFields(r.fields(), checkedRecords);
    }
  }

  private void checkFields(List<FieldModel> fields, Set<String> checkedRecords) {
    if (fields.size() > MAX_KEYS) {
      error(fields.get(MAX_KEYS).element(), "a record has at most " + MAX_KEYS
          + " components as map keys: gather some into a nested record");
    }
    Map<String, String> keys = new HashMap<>();
    for (FieldModel f : fields) {
      if (f.key().isEmpty()) {
        error(f.element(), "@Field key of " + f.name() + " is empty: give the CBOR key, or drop @Field to use the name");
      }
      String before = keys.putIfAbsent(f.key(), f.name());
      if (before != null) {
        error(f.element(), "key '" + f.key() + "' is already used by component " + before
            + ": each component needs its own key");
      }
      checkType(f.element(), f.type(), checkedRecords);
    }
  }

  private void error(Element e, String message) {
    valid = false;
    if (within(e, root)) {
      messager.printMessage(Diagnostic.Kind.ERROR, message, e);
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, message + " (" + describe(e) + ", which "
          + root.getSimpleName() + " inherits)", root);
    }
  }

  private static boolean within(Element e, Element type) {
    for (Element at = e; at != null; at = at.getEnclosingElement()) {
      if (at.equals(type)) {
        return true;
      }
    }
    return false;
  }

  /** Names an element declared outside the interface being validated, e.g. {@code reset() of a.b.OsMgmt}. */
  private static String describe(Element e) {
    Element owner = e.getEnclosingElement();
    return switch (e.getKind()) {
      case METHOD -> "command " + e.getSimpleName() + "() of " + qualified(owner);
      case PARAMETER -> "parameter " + e.getSimpleName() + " of " + owner.getSimpleName() + "() in "
          + qualified(owner.getEnclosingElement());
      case FIELD, RECORD_COMPONENT -> "component " + e.getSimpleName() + " of record " + qualified(owner);
      default -> qualified(e);
    };
  }

  private static String qualified(Element e) {
    return e instanceof TypeElement t ? t.getQualifiedName().toString() : e.getSimpleName().toString();
  }
}
