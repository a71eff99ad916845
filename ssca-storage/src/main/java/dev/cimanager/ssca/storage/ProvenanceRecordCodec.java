package dev.cimanager.ssca.storage;

import dev.cimanager.contracts.artifacts.ProvenanceStatus;
import dev.cimanager.ssca.spi.ProvenanceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonBinary;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;

/**
 * {@link ProvenanceRecord} as a BSON document: {@code _id} is the record id, the statement and the
 * envelope are binary (the envelope's bytes are exactly what was pushed), instants are BSON dates.
 */
final class ProvenanceRecordCodec implements Codec<ProvenanceRecord> {
  static final String ID = "_id";
  static final String ACCOUNT = "accountId";
  static final String EXECUTION = "executionId";
  static final String DIGEST = "digest";
  static final String CREATED_AT = "createdAt";
  static final String STATUS = "status";
  static final String ATTESTATION_REF = "attestationRef";
  static final String FAILURE_MESSAGE = "failureMessage";
  static final String UPDATED_AT = "updatedAt";

  @Override
  public void encode(BsonWriter writer, ProvenanceRecord r, EncoderContext context) {
    writer.writeStartDocument();
    writer.writeString(ID, r.id());
    writer.writeString(ACCOUNT, r.accountId());
    writer.writeString("orgIdentifier", r.orgIdentifier());
    writer.writeString("projectIdentifier", r.projectIdentifier());
    writer.writeString("pipelineIdentifier", r.pipelineIdentifier());
    writer.writeString(EXECUTION, r.executionId());
    writer.writeString("stageIdentifier", r.stageIdentifier());
    writer.writeString("stepIdentifier", r.stepIdentifier());
    writer.writeString("image", r.image());
    writer.writeStartArray("tags");
    r.tags().forEach(writer::writeString);
    writer.writeEndArray();
    writer.writeString(DIGEST, r.digest());
    writer.writeString("predicateType", r.predicateType());
    writer.writeBinaryData("statement", new BsonBinary(r.statement()));
    if (r.envelope() != null) {
      writer.writeBinaryData("envelope", new BsonBinary(r.envelope()));
    }
    writer.writeString(STATUS, r.status().name());
    if (r.attestationRef() != null) {
      writer.writeString(ATTESTATION_REF, r.attestationRef());
    }
    if (r.failureMessage() != null) {
      writer.writeString(FAILURE_MESSAGE, r.failureMessage());
    }
    writer.writeDateTime(CREATED_AT, r.createdAt().toEpochMilli());
    writer.writeDateTime(UPDATED_AT, r.updatedAt().toEpochMilli());
    writer.writeEndDocument();
  }

  @Override
  public ProvenanceRecord decode(BsonReader reader, DecoderContext context) {
    Map<String, Object> fields = new HashMap<>();
    reader.readStartDocument();
    while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
      String name = reader.readName();
      switch (reader.getCurrentBsonType()) {
        case STRING -> fields.put(name, reader.readString());
        case BINARY -> fields.put(name, reader.readBinaryData().getData());
        case DATE_TIME -> fields.put(name, Instant.ofEpochMilli(reader.readDateTime()));
        case ARRAY -> {
          List<String> values = new ArrayList<>();
          reader.readStartArray();
          while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            values.add(reader.readString());
          }
          reader.readEndArray();
          fields.put(name, values);
        }
        default -> reader.skipValue();
      }
    }
    reader.readEndDocument();
    @SuppressWarnings("unchecked")
    List<String> tags = (List<String>) fields.get("tags");
    return new ProvenanceRecord(
        (String) fields.get(ID),
        (String) fields.get(ACCOUNT),
        (String) fields.get("orgIdentifier"),
        (String) fields.get("projectIdentifier"),
        (String) fields.get("pipelineIdentifier"),
        (String) fields.get(EXECUTION),
        (String) fields.get("stageIdentifier"),
        (String) fields.get("stepIdentifier"),
        (String) fields.get("image"),
        tags,
        (String) fields.get(DIGEST),
        (String) fields.get("predicateType"),
        (byte[]) fields.get("statement"),
        (byte[]) fields.get("envelope"),
        ProvenanceStatus.valueOf((String) fields.get(STATUS)),
        (String) fields.get(ATTESTATION_REF),
        (String) fields.get(FAILURE_MESSAGE),
        (Instant) fields.get(CREATED_AT),
        (Instant) fields.get(UPDATED_AT));
  }

  @Override
  public Class<ProvenanceRecord> getEncoderClass() {
    return ProvenanceRecord.class;
  }
}
