package io.mcumgr4j.processor.model;

import javax.lang.model.element.VariableElement;

/**
 * A command parameter: one key of the request map, or the request's context.
 *
 * @param element the parameter
 * @param name the Java parameter name
 * @param key the CBOR key, or {@code null} when {@code @Param} is missing
 * @param explicitlyOptional {@code @Param(required = false)}
 * @param type how the value travels; {@code null} for the context
 * @param context whether this is a {@code RequestContext} parameter, which the dispatcher passes
 *     and the request does not carry
 * @param lenient {@code @Param(lenient = true)}: a value of another CBOR type is ignored
 */
public record ParamModel(
    VariableElement element,
    String name,
    String key,
    boolean explicitlyOptional,
    CborType type,
    boolean context,
    boolean lenient) {

  /** Whether a request may leave the key out: declared so, or an {@code Optional*} type. */
  public boolean optional() {
    return explicitlyOptional || type instanceof CborType.Opt;
  }
}
