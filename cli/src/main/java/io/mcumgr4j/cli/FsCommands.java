package io.mcumgr4j.cli;

import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.groups.fs.FsMgmt;
import io.mcumgr4j.groups.fs.FsMgmtClient;
import io.mcumgr4j.transfer.FileDownloader;
import io.mcumgr4j.transfer.FileUploader;
import io.mcumgr4j.transfer.TransferOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcumgr4j fs ...}: the file system group (8). */
@Command(name = "fs", description = "File system management (group 8): upload, download, status, hash.",
    mixinStandardHelpOptions = true,
    subcommands = {FsCommands.Upload.class, FsCommands.Download.class, FsCommands.Status.class,
        FsCommands.Hash.class, FsCommands.Types.class, FsCommands.Close.class})
final class FsCommands {

  private FsCommands() {}

  @Command(name = "upload", description = "Upload a local file to the device (replacing it), then check its hash.",
      mixinStandardHelpOptions = true)
  static final class Upload extends DeviceCommand {
    @Parameters(index = "0", paramLabel = "LOCAL", description = "The local file.")
    Path local;

    @Parameters(index = "1", paramLabel = "REMOTE", description = "The device path, e.g. /lfs1/data.bin.")
    String remote;

    @Option(names = "--no-verify", description = "Skip the hash check (for devices without the hash command).")
    boolean noVerify;

    @Mixin
    WindowOption window;

    @Override
    void run(SmpClient client, Output out) throws IOException {
      byte[] data = ImageCommands.readFile(local);
      int requests;
      String label = "upload " + local.getFileName();
      try (Progress progress = Progress.forTransfer(out, spec.commandLine().getErr(), label)) {
        TransferOptions options = ImageCommands.transferOptions(main()).verify(!noVerify).window(window.value())
            .listener(progress).build();
        requests = new FileUploader(client, options).upload(remote, data);
      }
      out.result("uploaded " + local + " to " + remote + ": " + data.length + " bytes in " + requests + " requests"
          + (noVerify ? "" : ", hash verified"), transfer(local, remote, data.length, requests, !noVerify));
    }
  }

  @Command(name = "download", description = "Download a file from the device, then check its hash.",
      mixinStandardHelpOptions = true)
  static final class Download extends DeviceCommand {
    @Parameters(index = "0", paramLabel = "REMOTE", description = "The device path.")
    String remote;

    @Parameters(index = "1", paramLabel = "LOCAL", description = "Where to write it (replaced).")
    Path local;

    @Option(names = "--no-verify", description = "Skip the hash check (for devices without the hash command).")
    boolean noVerify;

    @Mixin
    WindowOption window;

    @Override
    void run(SmpClient client, Output out) throws IOException {
      byte[] data;
      try (Progress progress = Progress.forTransfer(out, spec.commandLine().getErr(), "download " + remote)) {
        TransferOptions options = ImageCommands.transferOptions(main()).verify(!noVerify).window(window.value())
            .listener(progress).build();
        data = new FileDownloader(client, options).download(remote);
      }
      // written only once complete and checked, so a failed download leaves no partial file
      Files.write(local, data);
      out.result("downloaded " + remote + " to " + local + ": " + data.length + " bytes"
          + (noVerify ? "" : ", hash verified"), transfer(local, remote, data.length, null, !noVerify));
    }
  }

  @Command(name = "status", description = "A file's size.", mixinStandardHelpOptions = true)
  static final class Status extends DeviceCommand {
    @Parameters(paramLabel = "REMOTE", description = "The device path.")
    String remote;

    @Override
    void run(SmpClient client, Output out) {
      long len = new FsMgmtClient(client).status(remote).len();
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("name", remote);
      json.put("len", len);
      out.result(remote + ": " + len + " bytes", json);
    }
  }

  @Command(name = "hash", description = "The device's hash or checksum of a file, or of part of it.",
      mixinStandardHelpOptions = true)
  static final class Hash extends DeviceCommand {
    @Parameters(paramLabel = "REMOTE", description = "The device path.")
    String remote;

    @Option(names = "--type", paramLabel = "TYPE",
        description = "crc32 or sha256 (`fs types` lists the device's); default: the device's default.")
    String type;

    @Option(names = "--off", paramLabel = "N", description = "Where to start. Default: 0.")
    Long off;

    @Option(names = "--len", paramLabel = "N", description = "How many bytes. Default: up to the end.")
    Long len;

    @Override
    void run(SmpClient client, Output out) {
      FsMgmt.Hash hash = new FsMgmtClient(client).hash(remote, type, optional(off), optional(len));
      // crc32 comes as a number, sha256 as bytes; anything else is shown as its CBOR encoding
      CborReader reader = CborReader.of(hash.output().encoded());
      Object output;
      String text;
      if (reader.nextIsInteger()) {
        long value = reader.uint64();
        output = value;
        text = String.format("0x%08x", value);
      } else if (reader.nextIsBytes()) {
        byte[] value = reader.bytes();
        output = value;
        text = ImageCommands.hex(value);
      } else {
        output = hash.output().encoded();
        text = "CBOR " + ImageCommands.hex(hash.output().encoded());
      }
      long start = hash.off() == null ? 0 : hash.off();
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("name", remote);
      json.put("type", hash.type());
      json.put("off", start);
      json.put("len", hash.len());
      json.put("output", output);
      out.result(hash.type() + " " + text + " (" + remote + ", " + hash.len() + " bytes from offset " + start + ")",
          json);
    }
  }

  @Command(name = "types", description = "The hash and checksum types the device supports.",
      mixinStandardHelpOptions = true)
  static final class Types extends DeviceCommand {
    @Override
    void run(SmpClient client, Output out) {
      List<Object> json = new ArrayList<>();
      StringBuilder human = new StringBuilder();
      for (Map.Entry<String, FsMgmt.HashType> e : new FsMgmtClient(client).supportedTypes().types().entrySet()) {
        FsMgmt.HashType t = e.getValue();
        Map<String, Object> type = new LinkedHashMap<>();
        type.put("type", e.getKey());
        type.put("format", t.format());
        type.put("size", t.size());
        json.add(type);
        human.append(String.format("%-8s %s, %d bytes%n", e.getKey(), t.format() == 0 ? "number" : "byte string",
            t.size()));
      }
      out.result(human.isEmpty() ? "no hash types" : human.toString().stripTrailing(), json);
    }
  }

  @Command(name = "close", description = "Close the file a transfer left open on the device.",
      mixinStandardHelpOptions = true)
  static final class Close extends DeviceCommand {
    @Override
    void run(SmpClient client, Output out) {
      new FsMgmtClient(client).close();
      out.result("closed", Map.of("closed", true));
    }
  }

  private static Map<String, Object> transfer(Path local, String remote, long len, Integer requests, boolean verified) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("local", local.toString());
    json.put("remote", remote);
    json.put("len", len);
    if (requests != null) {
      json.put("requests", requests);
    }
    json.put("verified", verified);
    return json;
  }

  private static OptionalLong optional(Long value) {
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }
}
