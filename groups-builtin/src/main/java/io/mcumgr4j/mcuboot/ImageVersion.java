package io.mcumgr4j.mcuboot;

/**
 * An MCUboot image version ({@code struct image_version}): major, minor and revision, plus a build
 * number. Ordered by all four fields; {@link #compareIgnoringBuild} is the order Zephyr's image group
 * uses by default ({@code img_mgmt_vercmp} without {@code VERSION_CMP_USE_BUILD_NUMBER}).
 *
 * @param major 0..255
 * @param minor 0..255
 * @param revision 0..65535
 * @param build 0..4294967295
 */
public record ImageVersion(int major, int minor, int revision, long build) implements Comparable<ImageVersion> {

  /** Version 0.0.0 (build 0). */
  public static final ImageVersion ZERO = new ImageVersion(0, 0, 0, 0);

  /** Checks each field against the width the header gives it. */
  public ImageVersion {
    if (major < 0 || major > 0xFF || minor < 0 || minor > 0xFF || revision < 0 || revision > 0xFFFF
        || build < 0 || build > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("version out of range: " + major + "." + minor + "." + revision + "+" + build);
    }
  }

  /** A version with build number 0. */
  public static ImageVersion of(int major, int minor, int revision) {
    return new ImageVersion(major, minor, revision, 0);
  }

  /**
   * Parses {@code major.minor.revision[.build]} (also accepting imgtool's {@code +build}).
   *
   * @throws IllegalArgumentException if {@code text} is not such a version
   */
  public static ImageVersion parse(String text) {
    String[] parts = text.split("[.+]", -1);
    if (parts.length < 3 || parts.length > 4) {
      throw new IllegalArgumentException("not a version: " + text);
    }
    try {
      return new ImageVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
          parts.length == 4 ? Long.parseLong(parts[3]) : 0);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a version: " + text, e);
    }
  }

  /** Compares major, minor and revision only. */
  public int compareIgnoringBuild(ImageVersion other) {
    int c = Integer.compare(major, other.major);
    if (c == 0) {
      c = Integer.compare(minor, other.minor);
    }
    return c != 0 ? c : Integer.compare(revision, other.revision);
  }

  @Override
  public int compareTo(ImageVersion other) {
    int c = compareIgnoringBuild(other);
    return c != 0 ? c : Long.compare(build, other.build);
  }

  /** Zephyr's state {@code version} string: {@code major.minor.revision}, plus {@code .build} when build is not 0. */
  @Override
  public String toString() {
    return major + "." + minor + "." + revision + (build != 0 ? "." + build : "");
  }
}
