package io.atoll.cell.workers.store;

import io.atoll.cell.workers.cleanup.ArchivedCheckin;
import io.atoll.cell.workers.cleanup.ArchivedEvent;
import io.atoll.cell.workers.cleanup.CheckinFiles;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * Check-in archive files in Parquet, written and read through parquet-avro on local files (the landing zone
 * moves whole files). Ids are strings, times UTC timestamps in milliseconds (the precision the app stores),
 * the day a date; columns the app's table allows to be null are optional. Compressed with Snappy, which every
 * warehouse engine reads, through {@link SnappyPages}: parquet-hadoop still loads a few Hadoop types (the small
 * hadoop-client-api jar), but never builds a Hadoop configuration, which would need the rest of Hadoop.
 */
public final class ParquetCheckinFiles implements CheckinFiles {
    static final Schema EVENT = SchemaBuilder.record("ActivityEvent").namespace("io.atoll.archive").fields()
            .name("type").type(optional(Schema.create(Schema.Type.STRING))).withDefault(null)
            .name("occurred_at").type(optional(timestamp())).withDefault(null)
            .name("attributes").type(Schema.createMap(Schema.create(Schema.Type.STRING))).noDefault()
            .endRecord();
    /** One check-in per row; {@code cell} and {@code day} repeat the file's place so that each file stands alone. */
    public static final Schema CHECKIN = SchemaBuilder.record("Checkin").namespace("io.atoll.archive").fields()
            .name("cell").type(Schema.create(Schema.Type.STRING)).noDefault()
            .name("day").type(LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT))).noDefault()
            .name("device_id").type(Schema.create(Schema.Type.STRING)).noDefault()
            .name("received_at").type(timestamp()).noDefault()
            .name("received_at_uuid").type(Schema.create(Schema.Type.STRING)).noDefault()
            .name("checkin_id").type(Schema.create(Schema.Type.STRING)).noDefault()
            .name("member_id").type(optional(Schema.create(Schema.Type.STRING))).withDefault(null)
            .name("client_time").type(optional(timestamp())).withDefault(null)
            .name("app_version").type(optional(Schema.create(Schema.Type.STRING))).withDefault(null)
            .name("os").type(optional(Schema.create(Schema.Type.STRING))).withDefault(null)
            .name("battery_percent").type(optional(Schema.create(Schema.Type.INT))).withDefault(null)
            .name("network_type").type(optional(Schema.create(Schema.Type.STRING))).withDefault(null)
            .name("events").type(Schema.createArray(EVENT)).noDefault()
            .endRecord();

    private static final int CELL = CHECKIN.getField("cell").pos();
    private static final int DAY = CHECKIN.getField("day").pos();
    private static final int DEVICE_ID = CHECKIN.getField("device_id").pos();
    private static final int RECEIVED_AT = CHECKIN.getField("received_at").pos();
    private static final int RECEIVED_AT_UUID = CHECKIN.getField("received_at_uuid").pos();
    private static final int CHECKIN_ID = CHECKIN.getField("checkin_id").pos();
    private static final int MEMBER_ID = CHECKIN.getField("member_id").pos();
    private static final int CLIENT_TIME = CHECKIN.getField("client_time").pos();
    private static final int APP_VERSION = CHECKIN.getField("app_version").pos();
    private static final int OS = CHECKIN.getField("os").pos();
    private static final int BATTERY_PERCENT = CHECKIN.getField("battery_percent").pos();
    private static final int NETWORK_TYPE = CHECKIN.getField("network_type").pos();
    private static final int EVENTS = CHECKIN.getField("events").pos();
    private static final int EVENT_TYPE = EVENT.getField("type").pos();
    private static final int EVENT_OCCURRED_AT = EVENT.getField("occurred_at").pos();
    private static final int EVENT_ATTRIBUTES = EVENT.getField("attributes").pos();

    private final ParquetConfiguration configuration;
    private final SnappyPages codecs = new SnappyPages();

    public ParquetCheckinFiles() {
        PlainParquetConfiguration plain = new PlainParquetConfiguration();
        // Lists in the standard three-level form, which Spark, Trino and Iceberg all read the same way.
        plain.setBoolean(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, false);
        this.configuration = plain;
    }

    @Override
    public Writer create(Path file, String cell) {
        try {
            ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                    .withSchema(CHECKIN)
                    .withConf(configuration)
                    .withDataModel(GenericData.get())
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withCodecFactory(codecs)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .build();
            return new Writer() {
                @Override
                public void append(ArchivedCheckin checkin) {
                    try {
                        writer.write(recordOf(cell, checkin));
                    } catch (IOException e) {
                        throw new UncheckedIOException("could not write to " + file, e);
                    }
                }

                @Override
                public void close() {
                    try {
                        writer.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException("could not finish " + file, e);
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + file, e);
        }
    }

    @Override
    public Reader read(Path file) {
        try {
            ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file), configuration)
                    .withDataModel(GenericData.get())
                    .withCodecFactory(codecs)
                    .build();
            return new Reader() {
                private GenericRecord next = read();

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public ArchivedCheckin next() {
                    if (next == null) {
                        throw new NoSuchElementException();
                    }
                    ArchivedCheckin checkin = checkinOf(next);
                    next = read();
                    return checkin;
                }

                private GenericRecord read() {
                    try {
                        return reader.read();
                    } catch (IOException e) {
                        throw new UncheckedIOException("could not read " + file, e);
                    }
                }

                @Override
                public void close() {
                    try {
                        reader.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException("could not close " + file, e);
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("could not open " + file, e);
        }
    }

    @Override
    public long rowCount(Path file) {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(configuration).withCodecFactory(codecs).build())) {
            return reader.getRecordCount();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the footer of " + file, e);
        }
    }

    private static GenericRecord recordOf(String cell, ArchivedCheckin checkin) {
        GenericData.Record record = new GenericData.Record(CHECKIN);
        record.put(CELL, cell);
        record.put(DAY, (int) checkin.day().toEpochDay());
        record.put(DEVICE_ID, checkin.deviceId().toString());
        record.put(RECEIVED_AT, checkin.receivedInstant().toEpochMilli());
        record.put(RECEIVED_AT_UUID, checkin.receivedAt().toString());
        record.put(CHECKIN_ID, checkin.checkinId().toString());
        record.put(MEMBER_ID, checkin.memberId());
        record.put(CLIENT_TIME, checkin.clientTime() == null ? null : checkin.clientTime().toEpochMilli());
        record.put(APP_VERSION, checkin.appVersion());
        record.put(OS, checkin.os());
        record.put(BATTERY_PERCENT, checkin.batteryPercent());
        record.put(NETWORK_TYPE, checkin.networkType());
        List<GenericRecord> events = new ArrayList<>(checkin.events().size());
        for (ArchivedEvent event : checkin.events()) {
            GenericData.Record value = new GenericData.Record(EVENT);
            value.put(EVENT_TYPE, event.type());
            value.put(EVENT_OCCURRED_AT, event.occurredAt() == null ? null : event.occurredAt().toEpochMilli());
            value.put(EVENT_ATTRIBUTES, event.attributes());
            events.add(value);
        }
        record.put(EVENTS, events);
        return record;
    }

    private static ArchivedCheckin checkinOf(GenericRecord record) {
        List<?> events = (List<?>) record.get(EVENTS);
        List<ArchivedEvent> archivedEvents = new ArrayList<>(events.size());
        for (Object event : events) {
            GenericRecord value = (GenericRecord) event;
            Map<String, String> attributes = new HashMap<>();
            ((Map<?, ?>) value.get(EVENT_ATTRIBUTES)).forEach((name, text) -> attributes.put(name.toString(), text.toString()));
            archivedEvents.add(new ArchivedEvent(text(value.get(EVENT_TYPE)), instant(value.get(EVENT_OCCURRED_AT)), attributes));
        }
        Object battery = record.get(BATTERY_PERCENT);
        return new ArchivedCheckin(UUID.fromString(record.get(DEVICE_ID).toString()), LocalDate.ofEpochDay((Integer) record.get(DAY)),
                UUID.fromString(record.get(RECEIVED_AT_UUID).toString()), UUID.fromString(record.get(CHECKIN_ID).toString()),
                text(record.get(MEMBER_ID)), instant(record.get(CLIENT_TIME)), text(record.get(APP_VERSION)), text(record.get(OS)),
                battery == null ? null : (Integer) battery, text(record.get(NETWORK_TYPE)), archivedEvents);
    }

    /** Avro hands strings back as its own {@code Utf8}. */
    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Instant instant(Object epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli((Long) epochMillis);
    }

    private static Schema timestamp() {
        return LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
    }

    private static Schema optional(Schema type) {
        return Schema.createUnion(Schema.create(Schema.Type.NULL), type);
    }
}
