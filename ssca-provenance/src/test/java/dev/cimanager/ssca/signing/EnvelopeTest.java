package dev.cimanager.ssca.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeTest {

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cosign-blob-slsa02-envelope.json",
        "cosign-blob-slsa02-multiple-subjects-envelope.json",
        "cosign-blob-NEGATIVE-empty-subject-envelope.json",
        "cosign-blob-NEGATIVE-missing-sha256-envelope.json",
        "cosign-blob-NEGATIVE-no-matching-subject-envelope.json"
      })
  void toJson_cosignEnvelope_writesTheSameBytesCosignWrote(String file) throws Exception {
    byte[] json = TestVectors.read("dsse/" + file);

    assertThat(Envelope.fromJson(json).toJson()).isEqualTo(json);
  }

  @Test
  void fromJson_cosignEnvelope_decodesPayloadAndSignature() throws Exception {
    Envelope envelope =
        Envelope.fromJson(TestVectors.read("dsse/cosign-blob-slsa02-envelope.json"));

    assertThat(envelope.payloadType()).isEqualTo("application/vnd.in-toto+json");
    assertThat(envelope.payload())
        .isEqualTo(TestVectors.read("dsse/cosign-blob-slsa02-payload.json"));
    assertThat(envelope.signatures()).hasSize(1);
    assertThat(envelope.signatures().get(0).keyid()).isEmpty();
    assertThat(envelope.signatures().get(0).sig()).hasSize(71);
  }

  @Test
  void fromJson_specEnvelopeWithoutKeyid_readsKeyidAsEmptyAndWritesIt() throws Exception {
    Envelope envelope =
        Envelope.fromJson(TestVectors.read("dsse/dsse-spec-helloworld-envelope.json"));

    assertThat(envelope.payload()).isEqualTo(utf8("hello world"));
    assertThat(envelope.signatures().get(0).keyid()).isEmpty();
    assertThat(new String(envelope.toJson(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"payloadType\":\"http://example.com/HelloWorld\",\"payload\":\"aGVsbG8gd29ybGQ=\",\"signatures\":"
                + "[{\"keyid\":\"\",\"sig\":\"A3JqsQGtVsJ2O2xqrI5IcnXip5GToJ3F+FnZ+O88SjtR6rDAajabZKciJTfUiHqJPcIAriEGAHTVeCUjW2JIZA==\"}]}");
  }

  @Test
  void fromJson_urlSafeUnpaddedBase64_decodesTheSameBytesAsStandard() throws Exception {
    // 0xfb 0xff encodes as "+/8=" standard and "-_8" URL-safe unpadded.
    Envelope standard =
        Envelope.fromJson(
            utf8(
                "{\"payloadType\":\"t\",\"payload\":\"+/8=\",\"signatures\":[{\"keyid\":\"k\",\"sig\":\"+/8=\"}]}"));
    Envelope urlSafe =
        Envelope.fromJson(
            utf8(
                "{\"payloadType\":\"t\",\"payload\":\"-_8\",\"signatures\":[{\"keyid\":\"k\",\"sig\":\"-_8\"}]}"));
    Envelope unpadded =
        Envelope.fromJson(
            utf8(
                "{\"payloadType\":\"t\",\"payload\":\"+/8\",\"signatures\":[{\"keyid\":\"k\",\"sig\":\"+/8\"}]}"));

    assertThat(standard.payload()).containsExactly(0xfb, 0xff);
    assertThat(urlSafe).isEqualTo(standard);
    assertThat(unpadded).isEqualTo(standard);
  }

  @Test
  void fromJson_nullKeyid_readsAsEmpty() throws Exception {
    Envelope envelope =
        Envelope.fromJson(
            utf8(
                "{\"payloadType\":\"t\",\"payload\":\"\",\"signatures\":[{\"keyid\":null,\"sig\":\"AA==\"}]}"));

    assertThat(envelope.signatures().get(0).keyid()).isEmpty();
  }

  @Test
  void fromJson_notJson_throwsMalformed() {
    assertThatThrownBy(() -> Envelope.fromJson(utf8("not json")))
        .isInstanceOfSatisfying(
            SignatureVerificationException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(SignatureVerificationException.Reason.MALFORMED_ENVELOPE))
        .hasMessageStartingWith("failed to read the DSSE envelope: it is not valid JSON (");
  }

  @Test
  void fromJson_jsonArray_throwsMalformed() {
    assertThatThrownBy(() -> Envelope.fromJson(utf8("[]")))
        .hasMessage("failed to read the DSSE envelope: it is not a JSON object");
  }

  @Test
  void fromJson_missingPayload_throwsMalformedNamingTheField() {
    assertThatThrownBy(() -> Envelope.fromJson(utf8("{\"payloadType\":\"t\",\"signatures\":[]}")))
        .isInstanceOfSatisfying(
            SignatureVerificationException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(SignatureVerificationException.Reason.MALFORMED_ENVELOPE))
        .hasMessage(
            "failed to read the DSSE envelope: field \"payload\" is missing or not a string");
  }

  @Test
  void fromJson_numericPayloadType_throwsMalformedNamingTheField() {
    assertThatThrownBy(
            () -> Envelope.fromJson(utf8("{\"payloadType\":1,\"payload\":\"\",\"signatures\":[]}")))
        .hasMessage(
            "failed to read the DSSE envelope: field \"payloadType\" is missing or not a string");
  }

  @Test
  void fromJson_payloadNotBase64_throwsMalformedNamingTheField() {
    assertThatThrownBy(
            () ->
                Envelope.fromJson(
                    utf8(
                        "{\"payloadType\":\"t\",\"payload\":\"%%%\",\"signatures\":[{\"sig\":\"AA==\"}]}")))
        .hasMessage("failed to read the DSSE envelope: field \"payload\" is not base64");
  }

  @Test
  void fromJson_signatureWithoutSig_throwsMalformedNamingTheField() {
    assertThatThrownBy(
            () ->
                Envelope.fromJson(
                    utf8(
                        "{\"payloadType\":\"t\",\"payload\":\"\",\"signatures\":[{\"sig\":\"AA==\"},{\"keyid\":\"k\"}]}")))
        .hasMessage(
            "failed to read the DSSE envelope: field \"signatures[1].sig\" is missing or not a string");
  }

  @Test
  void fromJson_numericKeyid_throwsMalformedNamingTheField() {
    assertThatThrownBy(
            () ->
                Envelope.fromJson(
                    utf8(
                        "{\"payloadType\":\"t\",\"payload\":\"\",\"signatures\":[{\"keyid\":7,\"sig\":\"AA==\"}]}")))
        .hasMessage(
            "failed to read the DSSE envelope: field \"signatures[0].keyid\" is not a string");
  }

  @Test
  void fromJson_emptySignatures_throwsNoSignatures() {
    assertThatThrownBy(
            () ->
                Envelope.fromJson(
                    utf8("{\"payloadType\":\"t\",\"payload\":\"\",\"signatures\":[]}")))
        .isInstanceOfSatisfying(
            SignatureVerificationException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(SignatureVerificationException.Reason.NO_SIGNATURES))
        .hasMessage("failed to read the DSSE envelope: field \"signatures\" is empty");
  }

  @Test
  void fromJson_duplicatePayload_throwsMalformed() {
    // Two payloads would let a reader and a verifier disagree on what was signed.
    assertThatThrownBy(
            () ->
                Envelope.fromJson(
                    utf8(
                        "{\"payloadType\":\"t\",\"payload\":\"AA==\",\"payload\":\"AQ==\",\"signatures\":[{\"sig\":\"AA==\"}]}")))
        .hasMessageStartingWith(
            "failed to read the DSSE envelope: it is not valid JSON (Duplicate field 'payload')");
  }

  @Test
  void constructor_noSignatures_throws() {
    assertThatThrownBy(() -> new Envelope("t", new byte[0], List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a DSSE envelope needs at least one signature");
  }

  @Test
  void equalsAndHashCode_compareBytesByContent() {
    Envelope a =
        new Envelope("t", utf8("p"), List.of(new Envelope.Signature("", new byte[] {1, 2})));
    Envelope b =
        new Envelope("t", utf8("p"), List.of(new Envelope.Signature("", new byte[] {1, 2})));
    Envelope c =
        new Envelope("t", utf8("p"), List.of(new Envelope.Signature("", new byte[] {1, 3})));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
  }

  @Test
  void toString_showsPayloadSizeAndBase64Signature() {
    Envelope envelope =
        new Envelope("t", utf8("payload"), List.of(new Envelope.Signature("k", new byte[] {1, 2})));

    assertThat(envelope)
        .hasToString(
            "Envelope[payloadType=t, payload=7 bytes, signatures=[Signature[keyid=k, sig=AQI=]]]");
  }

  @Test
  void payload_isACopy() {
    byte[] payload = utf8("p");
    Envelope envelope =
        new Envelope("t", payload, List.of(new Envelope.Signature("", new byte[] {1})));
    payload[0] = 'x';
    envelope.payload()[0] = 'y';

    assertThat(envelope.payload()).isEqualTo(utf8("p"));
  }
}
