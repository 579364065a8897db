package io.mcumgr4j.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import io.mcumgr4j.processor.model.GroupModel;
import java.util.Locale;
import java.util.Set;

/** Runtime types the generated code uses, and the names of the generated types. */
final class Names {

  static final ClassName OP = ClassName.get("io.mcumgr4j.annotation", "Op");
  static final ClassName MGMT_ERR = ClassName.get("io.mcumgr4j.annotation", "MgmtErr");
  static final ClassName CBOR_READER = ClassName.get("io.mcumgr4j.cbor", "CborReader");
  static final ClassName CBOR_WRITER = ClassName.get("io.mcumgr4j.cbor", "CborWriter");
  static final ClassName CBOR_VALUES = ClassName.get("io.mcumgr4j.cbor", "CborValues");
  static final ClassName DECODE_ERRORS = ClassName.get("io.mcumgr4j.cbor", "DecodeErrors");
  static final ClassName SEEN_KEYS = ClassName.get("io.mcumgr4j.cbor", "SeenKeys");
  static final ClassName RAW_CBOR = ClassName.get("io.mcumgr4j.cbor", "RawCbor");
  static final ClassName GROUP_ERROR = ClassName.get("io.mcumgr4j.error", "GroupError");
  static final ClassName GROUP_HANDLER = ClassName.get("io.mcumgr4j.server", "GroupHandler");
  static final ClassName COMMAND_HANDLER = ClassName.get("io.mcumgr4j.server", "CommandHandler");
  static final ClassName REQUEST_CONTEXT = ClassName.get("io.mcumgr4j.server", "RequestContext");
  static final ClassName SMP_CLIENT = ClassName.get("io.mcumgr4j.client", "SmpClient");
  static final ClassName RESPONSES = ClassName.get("io.mcumgr4j.client", "Responses");
  static final ClassName RESPONSE_ERRORS = ClassName.get("io.mcumgr4j.client", "ResponseErrors");
  static final ClassName MGMT_CALLBACKS = ClassName.get("io.mcumgr4j.callback", "MgmtCallbacks");
  static final ClassName REGISTRATION = MGMT_CALLBACKS.nestedClass("Registration");
  static final ClassName MGMT_EVENT_IDS = ClassName.get("io.mcumgr4j.callback", "MgmtEventIds");
  static final ClassName CALLBACK_RESULT = ClassName.get("io.mcumgr4j.callback", "CallbackResult");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final String PROCESSOR = "io.mcumgr4j.processor.MgmtProcessor";

  final ClassName iface;
  final ClassName error;
  final ClassName dispatcher;
  final ClassName client;
  final ClassName events;
  final ClassName codec;
  final ClassName forwarding;

  Names(GroupModel group) {
    this.iface = ClassName.get(group.element());
    String p = group.packageName();
    String s = group.simpleName();
    this.error = ClassName.get(p, s + "Error");
    this.dispatcher = ClassName.get(p, s + "Dispatcher");
    this.client = ClassName.get(p, s + "Client");
    this.events = ClassName.get(p, s + "Events");
    this.codec = ClassName.get(p, s + "Codec");
    this.forwarding = ClassName.get(p, s + "Forwarding");
  }

  /** Names a record cannot give a component, as its accessor would clash with Object's method (JLS 8.10.1). */
  private static final Set<String> OBJECT_METHODS =
      Set.of("clone", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait");

  /** A generated record's component for a parameter: its name, with a trailing {@code _} where a record forbids it. */
  static String component(String name) {
    return OBJECT_METHODS.contains(name) ? name + "_" : name;
  }

  static AnnotationSpec generated() {
    return AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build();
  }

  /** {@code uploadChunk} -> {@code UPLOAD_CHUNK}. */
  static String constant(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  /** {@code uploadChunk} -> {@code UploadChunk}. */
  static String capitalized(String camel) {
    return Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
  }

  /**
   * Annotation text made safe inside a Javadoc comment: no comment end, no trailing period (the
   * generated sentence adds its own).
   */
  static String javadocText(String text) {
    String t = text.strip().replace("*/", "*&#47;");
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }

  /** The Javadoc text of a generated member: the source's, or a fallback. */
  static String docOr(String doc, String fallback) {
    return doc.isEmpty() ? fallback : doc;
  }
}
