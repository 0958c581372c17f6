package org.movierec.model;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary weights file: magic {@code MRWT}, version, tensor count, then per tensor its name (UTF-8, length-prefixed),
 * rank, dimensions and float32 values, little-endian.
 */
final class WeightsFormat {
  private static final int MAGIC = 0x4D525754; // "MRWT"
  private static final int VERSION = 1;

  private WeightsFormat() {}

  static byte[] write(List<Tensor> tensors) {
    int size = 12;
    for (Tensor t : tensors) {
      size += 4 + t.name().getBytes(StandardCharsets.UTF_8).length + 4 + 4 * t.shape().length + 4 * t.data().length;
    }
    ByteBuffer buf = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(MAGIC).putInt(VERSION).putInt(tensors.size());
    for (Tensor t : tensors) {
      byte[] name = t.name().getBytes(StandardCharsets.UTF_8);
      buf.putInt(name.length).put(name).putInt(t.shape().length);
      for (int d : t.shape()) {
        buf.putInt(d);
      }
      buf.asFloatBuffer().put(t.data());
      buf.position(buf.position() + 4 * t.data().length);
    }
    return buf.array();
  }

  /** Reads tensors; throws IllegalArgumentException saying what is wrong with a damaged file. */
  static List<Tensor> read(byte[] bytes) {
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    try {
      if (buf.getInt() != MAGIC) {
        throw new IllegalArgumentException("not a MovieRec weights file (bad magic number)");
      }
      int version = buf.getInt();
      if (version != VERSION) {
        throw new IllegalArgumentException("weights format version " + version + ", expected " + VERSION);
      }
      int count = buf.getInt();
      if (count < 0 || count > 1000) {
        throw new IllegalArgumentException("implausible tensor count " + count);
      }
      List<Tensor> out = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        byte[] name = new byte[buf.getInt()];
        buf.get(name);
        int[] shape = new int[buf.getInt()];
        long n = 1;
        for (int d = 0; d < shape.length; d++) {
          shape[d] = buf.getInt();
          n *= shape[d];
        }
        if (n < 0 || n * 4 > buf.remaining()) {
          throw new IllegalArgumentException("tensor " + (i + 1) + " claims more values than the file holds");
        }
        float[] data = new float[(int) n];
        buf.asFloatBuffer().get(data);
        buf.position(buf.position() + 4 * data.length);
        out.add(new Tensor(new String(name, StandardCharsets.UTF_8), shape, data));
      }
      if (buf.hasRemaining()) {
        throw new IllegalArgumentException(buf.remaining() + " unexpected bytes after the last tensor");
      }
      return out;
    } catch (BufferUnderflowException | NegativeArraySizeException e) {
      throw new IllegalArgumentException("the weights file ends too early");
    }
  }
}
