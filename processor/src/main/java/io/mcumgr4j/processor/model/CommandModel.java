package io.mcumgr4j.processor.model;

import java.util.List;
import java.util.Locale;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/**
 * A command method.
 *
 * @param element the method
 * @param name the method's name
 * @param id the command id
 * @param ops the request ops, as {@code Op} constant names, in declared order
 * @param hook whether a callback hook fires before it runs
 * @param params the request keys
 * @param result how the return value travels; {@code null} for {@code void}
 * @param thrown the checked exceptions the method declares
 * @param doc the method's Javadoc, possibly empty
 */
public record CommandModel(
    ExecutableElement element,
    String name,
    int id,
    List<String> ops,
    boolean hook,
    List<ParamModel> params,
    CborType result,
    List<TypeMirror> thrown,
    String doc) {

  /**
   * The name of the command's event id constant in {@code XEvents} ({@code uploadChunk} ->
   * {@code UPLOAD_CHUNK}); here so the validator judges the name the generator writes.
   */
  public String eventConstant() {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
