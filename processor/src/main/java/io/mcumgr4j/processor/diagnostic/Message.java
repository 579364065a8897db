package io.mcumgr4j.processor.diagnostic;

import static javax.tools.Diagnostic.Kind.ERROR;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor reports, by id (the constant's name): its kind and its text, a
 * {@link String#format} pattern of {@code %s} arguments that says what is wrong and then, after a
 * colon, how to fix it. Plain text: IDEs and build logs print it as it is.
 */
public enum Message {

  // the group
  NOT_AN_INTERFACE(ERROR, "@MgmtGroup goes on an interface whose methods are the group's commands: make %s an "
      + "interface"),
  GENERIC_GROUP(ERROR, "a group interface cannot be generic: remove the type parameters of %s"),
  GROUP_ID_RANGE(ERROR, "group id %s is outside 0..65535: use a 16-bit id, 64 and up for an application group"),
  GROUP_ID_RESERVED(ERROR, "group id %s is reserved (Zephyr's groups use 0-3, 8-11 and 63): use 64 and up "
      + "(MGMT_GROUP_ID_PERUSER) for an application group"),
  EXTENSION_ID(ERROR, "%s extends the group with id %s to add commands to it: declare @MgmtGroup(id = %s, ...)"),
  EVENT_GROUP_RANGE(ERROR, "eventGroup %s is outside 0..65535: give a 16-bit event group, or leave it out to use "
      + "the group id"),
  EMPTY_GROUP_NAME(ERROR, "@MgmtGroup name is empty: give the name enumeration reports, e.g. name = \"example\""),
  UNANNOTATED_METHOD(ERROR, "every abstract method of a group interface is a command: annotate %s() with "
      + "@Command(id = ..., ops = ...), or make it a default method"),
  DUPLICATE_GROUP_ID(ERROR, "group id %s is already declared by %s: give this group another id, or extend %s to "
      + "add commands to it"),
  GENERATED_NAME_CLASH(ERROR, "the generated types of %s would be named like those of %s (%sDispatcher, ...): "
      + "rename one of the interfaces"),
  SOURCES_NOT_WRITTEN(ERROR, "could not write the sources of %s (%s): rename the type that takes a generated "
      + "name (XDispatcher, XClient, ...), or check the build's output directory"),

  // error codes
  ERROR_CODE_TAKEN(ERROR, "error code %s (%s) is taken, 0 being OK and 1 UNKNOWN in every group: start declared "
      + "codes at 2"),
  ERROR_CODE_RANGE(ERROR, "error code %s (%s) is outside 2..65535: use a 16-bit code from 2 up"),
  ERROR_CODE_TWICE(ERROR, "error code %s is declared twice (%s and %s): give each error its own code"),
  ERROR_NAME_FORM(ERROR, "error name '%s' is not an UPPER_SNAKE_CASE Java identifier: name it like NOT_WANTED"),
  ERROR_NAME_TAKEN(ERROR, "error name %s is taken by code %s: choose another name"),
  ERROR_NAME_GROUP_ID(ERROR, "error name GROUP_ID is taken by the error enum's GROUP_ID constant (the group id): "
      + "choose another name"),
  ERROR_NAME_TWICE(ERROR, "error name %s is declared twice: give each error its own name"),

  // commands
  COMMAND_ID_RANGE(ERROR, "command id %s is outside 0..255: use an 8-bit id"),
  NO_OPS(ERROR, "command %s() has no ops: say which requests it answers, ops = Op.READ, Op.WRITE or "
      + "{Op.READ, Op.WRITE}"),
  RESPONSE_OP(ERROR, "Op.%s is a response op: a command answers Op.READ and/or Op.WRITE requests"),
  OP_TWICE(ERROR, "Op.%s is listed twice in ops: list each op once"),
  COMMAND_SLOT_TAKEN(ERROR, "command id %s already answers %s requests in %s(): give %s() another id, or another "
      + "op"),
  COMMAND_NAME_TWICE(ERROR, "two commands are named %s(): give command methods distinct names, which the "
      + "generated client and dispatcher use"),
  GENERIC_COMMAND(ERROR, "command %s() cannot be generic: remove its type parameters"),
  CHECKED_EXCEPTIONS(ERROR, "command %s() declares checked exceptions %s: fail with MgmtException or "
      + "GroupErrorException, which are unchecked"),
  TOO_MANY_HOOKS(ERROR, "a group has at most %s hooked commands (one event bit each): drop hook = true from %s()"),
  HOOK_WITHOUT_EVENT_GROUP(ERROR, "command %s() has a hook but group %s is below 64: name its callback event group "
      + "with @MgmtGroup(eventGroup = ...), e.g. Zephyr's for the group it belongs to (OS 2, image 3, file system "
      + "4, settings 5, enumeration 6) or 64 and up for an application's own"),
  EVENT_CONSTANT_RESERVED(ERROR, "hooked command %s() would get the event id constant EVENT_GROUP, which the events "
      + "class uses for its event group: rename the command"),
  EVENT_CONSTANT_CLASH(ERROR, "hooked commands %s() and %s() would share the event id constant %s: rename one of "
      + "the two"),
  CLIENT_METHOD_CLASH(ERROR, "commands %s() and %sAsync() clash in the client, whose non-blocking method for %s() "
      + "is %sAsync(): rename one of the two"),
  TOO_MANY_KEYS(ERROR, "command %s() has more than %s request keys: gather some into a record parameter (a nested "
      + "map)"),
  BAD_RESULT(ERROR, "%s is not a command result: return void, a record whose components are the response keys, "
      + "or a Map<String, T> whose entries are"),

  // parameters
  UINT_ON_CONTEXT(ERROR, "@Uint applies to integers only, not the RequestContext %s: remove it"),
  PARAM_ON_CONTEXT(ERROR, "parameter %s is the request's context, which the server passes: remove its @Param"),
  CONTEXT_TWICE(ERROR, "command %s() takes the RequestContext twice: keep one parameter"),
  MISSING_PARAM(ERROR, "parameter %s needs its request key: annotate it with @Param(\"key\") (or make it the "
      + "RequestContext)"),
  EMPTY_PARAM_KEY(ERROR, "@Param key of %s is empty: give the CBOR key of the request map"),
  PARAM_KEY_TWICE(ERROR, "key '%s' is already used by parameter %s: give each parameter its own key"),
  LENIENT_NOT_OPTIONAL_VALUE(ERROR, "lenient parameter %s drops a value of another type as if absent: make it an "
      + "optional single value (a boxed type, String or byte[] with required = false, or an Optional*), or remove "
      + "lenient = true"),
  OPTIONAL_PRIMITIVE(ERROR, "optional parameter %s has primitive type %s, which cannot be absent: use OptionalInt, "
      + "OptionalLong, OptionalDouble or a boxed type"),

  // records
  TOO_MANY_COMPONENTS(ERROR, "a record has at most %s components as map keys: gather some into a nested record"),
  EMPTY_FIELD_KEY(ERROR, "@Field key of %s is empty: give the CBOR key, or drop @Field to use the name"),
  FIELD_KEY_TWICE(ERROR, "key '%s' is already used by component %s: give each component its own key"),

  // types
  MISSING_TYPE(ERROR, "%s cannot be found: check its import, or the annotation processor that should generate it"),
  UNSUPPORTED_TYPE(ERROR, "%s is not supported: use a primitive or its box (boolean, byte, short, int, long, float, "
      + "double), String, byte[], a record, List<T>, Map<String, T>, an Optional, an enum with int code(), or "
      + "RawCbor"),
  CHAR_TYPE(ERROR, "%s is not supported: use String for text, or int for a number"),
  ARRAY_TYPE(ERROR, "%s is not supported (of arrays, only byte[] is): use List<T>"),
  RAW_GENERIC(ERROR, "raw %s does not say what it holds: give %s its type arguments, e.g. %s"),
  MAP_KEY(ERROR, "%s is not supported (map keys travel as CBOR text): use Map<String, T>"),
  ENUM_WITHOUT_CODE(ERROR, "enum %s travels by code: give it a public int code() method"),
  NESTED_OPTIONAL(ERROR, "%s is not supported inside a list, map or Optional, where absence has no encoding: use "
      + "Optional only as a parameter's or component's own type"),
  UINT_WIDTH(ERROR, "@Uint(bits = %s) is not a width: use 8, 16, 32 or 64"),
  UINT_ON_LONG(ERROR, "@Uint(bits = %s) on a long: use int for 8 and 16 bits, or bits = 32 or 64"),
  UINT_ON_INT(ERROR, "an unsigned %s-bit value does not fit int: declare it long, or use @Uint(bits = 8 or 16)"),
  UINT_ON_SMALL(ERROR, "@Uint applies to int and long: use %s with @Uint(bits = 8 or 16) for an unsigned %s"),
  UINT_MISPLACED(ERROR, "@Uint applies to integers only, not %s: remove it");

  private final Diagnostic.Kind kind;
  private final String format;

  Message(Diagnostic.Kind kind, String format) {
    this.kind = kind;
    this.format = format;
  }

  /** Whether the diagnostic fails the compilation ({@code ERROR}) or only warns. */
  public Diagnostic.Kind kind() {
    return kind;
  }

  /** The text with its arguments. */
  public String text(Object... args) {
    return String.format(format, args);
  }
}
