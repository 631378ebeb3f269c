package io.atoll.cell.workers.store;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Snappy for Parquet pages straight through snappy-java. Written here because parquet-hadoop's own codec factory
 * builds a Hadoop {@code Configuration} for every codec, which needs Hadoop's whole runtime (hadoop-client-runtime,
 * some 70 MB of classes) in the workers' JAR for this alone. Pages are raw Snappy blocks, as the format has them.
 */
final class SnappyPages implements CompressionCodecFactory {
    private static final Compressor COMPRESSOR = new Compressor();
    private static final Decompressor DECOMPRESSOR = new Decompressor();

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        if (codec != CompressionCodecName.SNAPPY) {
            throw new IllegalArgumentException("archive files are written with Snappy, not " + codec);
        }
        return COMPRESSOR;
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        if (codec == CompressionCodecName.UNCOMPRESSED) {
            return Uncompressed.INSTANCE;
        }
        if (codec != CompressionCodecName.SNAPPY) {
            throw new IllegalArgumentException("archive files are written with Snappy; " + codec + " pages cannot be read here");
        }
        return DECOMPRESSOR;
    }

    @Override
    public void release() {
    }

    private static final class Compressor implements BytesInputCompressor {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            return BytesInput.from(Snappy.compress(bytes.toInputStream().readAllBytes()));
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.SNAPPY;
        }

        @Override
        public void release() {
        }
    }

    private static final class Decompressor implements BytesInputDecompressor {
        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            return BytesInput.from(uncompress(bytes.toInputStream().readAllBytes(), uncompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) throws IOException {
            byte[] compressed = new byte[compressedSize];
            input.get(compressed);
            output.put(uncompress(compressed, uncompressedSize));
        }

        private static byte[] uncompress(byte[] compressed, int uncompressedSize) throws IOException {
            byte[] uncompressed = new byte[uncompressedSize];
            int size = Snappy.uncompress(compressed, 0, compressed.length, uncompressed, 0);
            if (size != uncompressedSize) {
                throw new IOException("a Snappy page held " + size + " bytes, not the " + uncompressedSize + " its header says");
            }
            return uncompressed;
        }

        @Override
        public void release() {
        }
    }

    private enum Uncompressed implements BytesInputDecompressor {
        INSTANCE;

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) {
            return bytes;
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) {
            ByteBuffer page = input.duplicate();
            page.limit(page.position() + compressedSize);
            output.put(page);
            input.position(input.position() + compressedSize);
        }

        @Override
        public void release() {
        }
    }
}
