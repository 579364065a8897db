package io.mcumgr4j.processor.model;

import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @MgmtGroup} interface with everything it inherits.
 *
 * @param element the interface
 * @param packageName its package
 * @param simpleName the prefix of the generated types (the interface's name; nested names are
 *     joined with {@code _})
 * @param id the group id
 * @param name the enumeration name
 * @param eventGroup the callback event group: declared, else inherited from an extended group's
 *     declaration, else -1
 * @param errors declared errors, inherited ones first
 * @param commands commands, inherited ones first
 * @param parentIds the group ids of the annotated interfaces it extends
 * @param parents the annotated interfaces it extends directly
 * @param notInterface whether the annotation sits on something other than an interface
 * @param typeParameters whether the interface is generic
 * @param unannotatedMethods abstract methods without {@code @Command}
 * @param doc the interface's Javadoc, possibly empty
 */
public record GroupModel(
    TypeElement element,
    String packageName,
    String simpleName,
    int id,
    String name,
    int eventGroup,
    List<ErrorModel> errors,
    List<CommandModel> commands,
    List<Integer> parentIds,
    List<TypeElement> parents,
    boolean notInterface,
    boolean typeParameters,
    List<javax.lang.model.element.ExecutableElement> unannotatedMethods,
    String doc) {

  /** The event group the hooks use: declared, or {@code 64 + (id - 64)} for application groups. */
  public int effectiveEventGroup() {
    return eventGroup >= 0 ? eventGroup : id >= 64 ? id : -1;
  }
}
