package io.mcumgr4j.cbor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Random trees written by {@link CborWriter} read back equal through {@link CborReader}. */
class CborRoundTripPropertiesTest {

  @Property(tries = 500)
  void treesRoundTrip(@ForAll("trees") CborTree.Node tree, @ForAll boolean indefinite) {
    byte[] encoded = CborTree.encode(tree, indefinite);

    assertThat(CborTree.read(encoded)).isEqualTo(tree);
  }

  @Property(tries = 200)
  void mapsReadTheSameInBothForms(@ForAll("maps") CborTree.Node map) {
    assertThat(CborTree.read(CborTree.encode(map, true)))
        .isEqualTo(CborTree.read(CborTree.encode(map, false)));
  }

  @Provide
  Arbitrary<CborTree.Node> trees() {
    return node(3);
  }

  @Provide
  Arbitrary<CborTree.Node> maps() {
    return mapOf(node(2));
  }

  private static Arbitrary<CborTree.Node> node(int depth) {
    Arbitrary<CborTree.Node> leaf = Arbitraries.oneOf(List.of(
        Arbitraries.longs().map(CborTree.UInt::new),
        Arbitraries.longs().lessOrEqual(-1).map(CborTree.NInt::new),
        text().map(CborTree.Text::new),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(CborTree.Bin::new),
        Arbitraries.of(true, false).map(CborTree.Bool::new),
        Arbitraries.just(new CborTree.Null())));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<CborTree.Node> child = Arbitraries.lazy(() -> node(depth - 1));
    return Arbitraries.frequencyOf(
        Tuple.of(4, leaf),
        Tuple.of(1, child.list().ofMaxSize(6).map(CborTree.Arr::new)),
        Tuple.of(1, mapOf(child)));
  }

  private static Arbitrary<CborTree.Node> mapOf(Arbitrary<CborTree.Node> values) {
    return Combinators.combine(text(), values).as(CborTree.Entry::new)
        .list().ofMaxSize(6).map(CborTree.MapNode::new);
  }

  /** Any Unicode text (surrogate pairs included, lone surrogates excluded: they have no UTF-8). */
  private static Arbitrary<String> text() {
    return Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
        .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
        .list().ofMaxSize(40)
        .map(cps -> cps.stream()
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString());
  }
}
