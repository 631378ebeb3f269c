package io.atoll.router.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialBodiesTest {
    private static final AccountKey ADA = AccountKey.of("ada@example.org").orElseThrow();

    @Test
    void aSignUpNamesTheAccountOfItsEmailWhereverTheFieldIs() {
        assertThat(CredentialBodies.signUp(whole("{\"email\":\"Ada@Example.org \",\"password\":\"pw\"}")).account()).contains(ADA);
        assertThat(CredentialBodies.signUp(whole("{\"password\":\"pw\",\"device\":{\"email\":\"x@y.z\"},\"email\":\"ada@example.org\"}")).account())
                .as("a nested field of that name is not the member's").contains(ADA);
    }

    @Test
    void aSignUpBodyThatIsNotAnObjectWithAnEmailNamesNobody() {
        assertThat(CredentialBodies.signUp(whole("{\"password\":\"pw\"}"))).isEqualTo(CredentialSubject.unnamed());
        assertThat(CredentialBodies.signUp(whole("[\"ada@example.org\"]"))).isEqualTo(CredentialSubject.unnamed());
        assertThat(CredentialBodies.signUp(whole("{\"email\":42}"))).isEqualTo(CredentialSubject.unnamed());
        assertThat(CredentialBodies.signUp(whole("{\"email\":\"ada@exa"))).as("cut short").isEqualTo(CredentialSubject.unnamed());
        assertThat(CredentialBodies.signUp(whole("email=ada@example.org"))).isEqualTo(CredentialSubject.unnamed());
        assertThat(CredentialBodies.signUp(whole(""))).isEqualTo(CredentialSubject.unnamed());
    }

    @Test
    void aPasswordGrantNamesTheAccountOfItsUsername() {
        assertThat(CredentialBodies.tokenRequest(whole("grant_type=password&username=ada%40example.org&password=p%26w")).account()).contains(ADA);
        assertThat(CredentialBodies.tokenRequest(whole("username=ADA%40example.org&grant_type=password")).account()).contains(ADA);
    }

    @Test
    void aRefreshGrantNamesTheHomeCellInItsToken() {
        assertThat(CredentialBodies.tokenRequest(whole("grant_type=refresh_token&refresh_token=us-east-1.Zm9v&scope=app")).homeCell())
                .contains("us-east-1");
        assertThat(CredentialBodies.tokenRequest(whole("grant_type=refresh_token&refresh_token=Zm9v"))).as("a token without a cell")
                .isEqualTo(CredentialSubject.unnamed());
    }

    @Test
    void otherGrantsNameNobody() {
        assertThat(CredentialBodies.tokenRequest(whole("grant_type=client_credentials&username=ada%40example.org")))
                .isEqualTo(CredentialSubject.unnamed());
        assertThat(CredentialBodies.tokenRequest(whole("grant_type=password&username=%zz"))).as("not decodable").isEqualTo(CredentialSubject.unnamed());
    }

    @Test
    void aRevocationNamesTheHomeCellOfARefreshOrAnAccessToken() {
        String access = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString("{\"home_cell\":\"eu-west-1\"}".getBytes(StandardCharsets.UTF_8)) + ".sig";

        assertThat(CredentialBodies.revocation(whole("token=us-east-1.Zm9v&token_type_hint=refresh_token")).homeCell()).contains("us-east-1");
        assertThat(CredentialBodies.revocation(whole("token=" + access)).homeCell()).contains("eu-west-1");
        assertThat(CredentialBodies.revocation(whole("token_type_hint=refresh_token"))).isEqualTo(CredentialSubject.unnamed());
    }

    @Test
    void aFieldCutOffByTheEndOfWhatWasReadIsNotTrusted() {
        byte[] form = "grant_type=password&username=ada%40example.org".getBytes(StandardCharsets.US_ASCII);
        int cut = form.length - 4;

        assertThat(CredentialBodies.tokenRequest(new BodyStart(form, cut, false))).isEqualTo(CredentialSubject.unnamed());
        assertThat(CredentialBodies.tokenRequest(new BodyStart((new String(form, StandardCharsets.US_ASCII) + "&password=")
                .getBytes(StandardCharsets.US_ASCII), form.length + 3, false)).account()).as("the fields before the cut count")
                .isEqualTo(Optional.of(ADA));
    }

    private static BodyStart whole(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new BodyStart(bytes, bytes.length, true);
    }
}
