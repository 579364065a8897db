package io.mcumgr4j.processor.generate;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.mcumgr4j.processor.model.GroupModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Filer;

/** Step three of three: writes the generated types of one valid group. */
public final class GroupGenerator {

  private final Filer filer;

  public GroupGenerator(Filer filer) {
    this.filer = filer;
  }

  /** Generates the group's types and writes them as sources. */
  public void generate(GroupModel group) throws IOException {
    Names names = new Names(group);
    CodecGenerator codec = new CodecGenerator(group, names);
    ValueCode values = new ValueCode(names.codec, codec.suffixes());
    List<TypeSpec> types = new ArrayList<>();
    types.add(new ErrorGenerator(group, names).generate());
    types.add(new DispatcherGenerator(group, names, values, codec).generate());
    types.add(new ClientGenerator(group, names, values).generate());
    if (codec.needed()) {
      types.add(codec.generate(values));
    }
    EventsGenerator events = new EventsGenerator(group, names);
    if (events.needed()) {
      types.add(events.generate());
    }
    ForwardingGenerator forwarding = new ForwardingGenerator(group, names);
    if (forwarding.needed()) {
      types.add(forwarding.generate());
    }
    for (TypeSpec type : types) {
      JavaFile.builder(group.packageName(), type)
          .skipJavaLangImports(true)
          .indent("  ")
          .build()
          .writeTo(filer);
    }
  }
}
