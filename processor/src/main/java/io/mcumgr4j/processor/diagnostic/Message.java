package io.mcumgr4j.processor.diagnostic;

import java.util.regex.Pattern;
import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor reports: its kind and its text, which says what is wrong and how
 * to fix it. The text is a {@link String#format} pattern of {@code %s} arguments; tests refer to
 * the constant, not to the prose.
 */
public enum Message {

  // the group
  NOT_AN_INTERFACE("@MgmtGroup goes on an interface whose methods are the group's commands: make %s an interface"),
  GENERIC_GROUP("a group interface cannot be generic: remove the type parameters of %s"),
  GROUP_ID_RANGE("group id %s is outside 0..65535"),
  GROUP_ID_RESERVED("group id %s is reserved: Zephyr's groups use 0-3, 8-11 and 63; application groups start at 64 "
      + "(MGMT_GROUP_ID_PERUSER)"),
  EXTENSION_ID("%s extends the group with id %s to add commands to it: declare @MgmtGroup(id = %s, ...)"),
  EVENT_GROUP_RANGE("eventGroup %s is outside 0..65535"),
  EMPTY_GROUP_NAME("@MgmtGroup name is empty: give the name enumeration reports, e.g. name = \"example\""),
  UNANNOTATED_METHOD("every abstract method of a group interface is a command: annotate %s() with "
      + "@Command(id = ..., ops = ...), or make it a default method"),
  DUPLICATE_GROUP_ID("group id %s is already declared by %s: give this group another id, or extend %s to add "
      + "commands to it"),
  GENERATED_NAME_CLASH("the generated types of %s would be named like those of %s (%sDispatcher, ...): rename one "
      + "of the interfaces"),
  SOURCES_NOT_WRITTEN("could not write the sources of %s: %s"),

  // error codes
  ERROR_CODE_TAKEN("error code %s (%s) is taken: 0 is OK and 1 is UNKNOWN in every group; declared codes start at 2"),
  ERROR_CODE_RANGE("error code %s (%s) is outside 2..65535"),
  ERROR_CODE_TWICE("error code %s is declared twice (%s and %s): give each error its own code"),
  ERROR_NAME_FORM("error name '%s' must be an UPPER_SNAKE_CASE Java identifier, e.g. NOT_WANTED"),
  ERROR_NAME_TAKEN("error name %s is taken by code %s: choose another name"),
  ERROR_NAME_GROUP_ID("error name GROUP_ID is taken by the error enum's GROUP_ID constant (the group id): choose "
      + "another name"),
  ERROR_NAME_TWICE("error name %s is declared twice: give each error its own name"),

  // commands
  COMMAND_ID_RANGE("command id %s is outside 0..255"),
  NO_OPS("command %s() has no ops: say which requests it answers, ops = Op.READ, Op.WRITE or {Op.READ, Op.WRITE}"),
  RESPONSE_OP("Op.%s is a response op: a command answers Op.READ and/or Op.WRITE requests"),
  OP_TWICE("Op.%s is listed twice in ops"),
  COMMAND_SLOT_TAKEN("command id %s already answers %s requests in %s(): give %s() another id, or another op"),
  COMMAND_NAME_TWICE("two commands are named %s(): command methods need distinct names, which the generated client "
      + "and dispatcher use"),
  GENERIC_COMMAND("command %s() cannot be generic: remove its type parameters"),
  CHECKED_EXCEPTIONS("command %s() declares checked exceptions %s: fail with MgmtException or GroupErrorException, "
      + "which are unchecked"),
  TOO_MANY_HOOKS("a group has at most %s hooked commands (one event bit each): drop hook = true from %s()"),
  HOOK_WITHOUT_EVENT_GROUP("command %s() has a hook but group %s is below 64: name its callback event group with "
      + "@MgmtGroup(eventGroup = ...), e.g. Zephyr's for the group it belongs to (OS 2, image 3, file system 4, "
      + "settings 5, enumeration 6) or 64 and up for an application's own"),
  EVENT_CONSTANT_RESERVED("hooked command %s() would get the event id constant EVENT_GROUP, which the events class "
      + "uses for its event group: rename the command"),
  EVENT_CONSTANT_CLASH("hooked commands %s() and %s() would share the event id constant %s: rename one of the two"),
  CLIENT_METHOD_CLASH("commands %s() and %sAsync() clash in the client, whose non-blocking method for %s() is "
      + "%sAsync(): rename one of the two"),
  TOO_MANY_KEYS("command %s() has more than %s request keys: gather some into a record parameter (a nested map)"),
  BAD_RESULT("a command returns void, a record whose components are the response keys, or a Map<String, T> whose "
      + "entries are, not %s"),

  // parameters
  UINT_ON_CONTEXT("@Uint applies to integers only, not the RequestContext %s: remove it"),
  PARAM_ON_CONTEXT("parameter %s is the request's context, which the server passes: remove its @Param"),
  CONTEXT_TWICE("command %s() takes the RequestContext twice: keep one parameter"),
  MISSING_PARAM("parameter %s needs its request key: annotate it with @Param(\"key\") (or make it the RequestContext)"),
  EMPTY_PARAM_KEY("@Param key of %s is empty: give the CBOR key of the request map"),
  PARAM_KEY_TWICE("key '%s' is already used by parameter %s: each parameter needs its own key"),
  LENIENT_NOT_OPTIONAL_VALUE("lenient parameter %s must be an optional single value (a boxed type, String, byte[] or "
      + "an Optional*): a value of another type is dropped as if absent"),
  OPTIONAL_PRIMITIVE("optional parameter %s has primitive type %s, which cannot be absent: use OptionalInt, "
      + "OptionalLong, OptionalDouble or a boxed type"),

  // records
  TOO_MANY_COMPONENTS("a record has at most %s components as map keys: gather some into a nested record"),
  EMPTY_FIELD_KEY("@Field key of %s is empty: give the CBOR key, or drop @Field to use the name"),
  FIELD_KEY_TWICE("key '%s' is already used by component %s: each component needs its own key"),

  // types
  MISSING_TYPE("%s cannot be found: check its import, or the annotation processor that should generate it"),
  UNSUPPORTED_TYPE("%s is not supported: use a primitive or its box (boolean, byte, short, int, long, float, double), "
      + "String, byte[], a record, List<T>, Map<String, T>, an Optional, an enum with int code(), or RawCbor"),
  CHAR_TYPE("%s is not supported: use String for text, or int for a number"),
  ARRAY_TYPE("arrays other than byte[] are not supported: use List<T>"),
  RAW_GENERIC("raw %s does not say what it holds: give %s its type arguments, e.g. %s"),
  MAP_KEY("map keys must be String (CBOR text): %s is not supported"),
  ENUM_WITHOUT_CODE("enum %s travels by code: give it a public int code() method"),
  NESTED_OPTIONAL("Optional is allowed only as a parameter's or field's own type, not inside a list or map"),
  UINT_WIDTH("@Uint(bits = %s) is not a width: use 8, 16, 32 or 64"),
  UINT_ON_LONG("@Uint(bits = %s) on a long: use int for 8 and 16 bits, or bits = 32 or 64"),
  UINT_ON_INT("an unsigned %s-bit value does not fit int: declare it long, or use @Uint(bits = 8 or 16)"),
  UINT_ON_SMALL("@Uint applies to int and long: use %s with @Uint(bits = 8 or 16) for an unsigned %s"),
  UINT_MISPLACED("@Uint applies to integers only, not %s: remove it");

  private final Diagnostic.Kind kind;
  private final String format;

  Message(String format) {
    this(Diagnostic.Kind.ERROR, format);
  }

  Message(Diagnostic.Kind kind, String format) {
    this.kind = kind;
    this.format = format;
  }

  public Diagnostic.Kind kind() {
    return kind;
  }

  /** The text with its arguments. */
  public String text(Object... args) {
    return String.format(format, args);
  }

  /** Whether {@code text} is this message with some arguments (for tests). */
  public boolean matches(String text) {
    StringBuilder regex = new StringBuilder();
    for (String part : format.split("%s", -1)) {
      if (regex.length() > 0) {
        regex.append(".*?");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).find();
  }
}
