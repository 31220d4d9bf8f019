package io.phonectl.xsi.push;

import io.phonectl.xsi.SizeProfile;
import io.phonectl.xsi.XsiParseException;
import io.phonectl.xsi.XsiValidationException;
import io.phonectl.xsi.action.ActionCatalog;
import io.phonectl.xsi.action.Outgoing;
import io.phonectl.xsi.codec.FormBody;
import io.phonectl.xsi.codec.XsiCodec;
import io.phonectl.xsi.component.GetDeviceCaps;
import io.phonectl.xsi.component.MediaStreamReply;
import io.phonectl.xsi.component.StopMedia;
import io.phonectl.xsi.model.ModelCatalog;
import io.phonectl.xsi.object.Execute;
import io.phonectl.xsi.object.PhoneError;
import io.phonectl.xsi.object.Response;
import io.phonectl.xsi.object.ResponseItem;
import io.phonectl.xsi.object.ResponseStatus;
import io.phonectl.xsi.object.Text;
import io.phonectl.xsi.object.XsiDocument;
import io.phonectl.xsi.uri.KeyUri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XsiPushTest {

    static final ModelCatalog MODELS = ModelCatalog.standard();

    static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    @Test
    void aPushIsEncodedOnceAndCarriesItsFormBody() {
        long encoded = PushStats.ENCODED.sum();
        long read = PushStats.URIS_READ.sum();
        XsiPush p = XsiPush.of("two keys", Execute.of("Key:Services", "http://127.0.0.1/menu.xml"));

        assertThat(PushStats.ENCODED.sum() - encoded).isEqualTo(1);
        assertThat(PushStats.URIS_READ.sum() - read).isEqualTo(1); // the HTTP URL is no internal URI
        assertThat(p.xml()).isEqualTo(XsiCodec.encode(p.document()));
        assertThat(bytes(p.body())).isEqualTo(FormBody.encodeField("XML", p.xml())).hasSize(p.bodyLength());
        assertThat(p.contentType()).isEqualTo("application/x-www-form-urlencoded; charset=UTF-8");
        assertThat(p.size()).isEqualTo(p.xml().length);
        assertThat(p.items()).hasSize(2);
        assertThat(p.items().get(0)).isInstanceOfSatisfying(PushItem.Internal.class,
                i -> assertThat(i.uri()).isEqualTo(KeyUri.of("Services")));
        assertThat(p.items().get(1)).isInstanceOf(PushItem.Http.class);
        assertThat(p.label()).isEqualTo("two keys");
        assertThat(p.rootElement()).isEqualTo("CiscoIPPhoneExecute");
    }

    @Test
    void theBodyIsSharedButCannotBeChanged() {
        XsiPush p = XsiPush.of(Text.builder().title("T").text("x").build());
        ByteBuffer b = p.body();
        assertThat(b.isReadOnly()).isTrue();
        assertThatThrownBy(() -> b.put(0, (byte) 'Y')).isInstanceOf(ReadOnlyBufferException.class);
        byte[] xml = p.xml();
        xml[0] = 'Y';
        assertThat(p.xml()[0]).isEqualTo((byte) '<');
        assertThat(p).isEqualTo(XsiPush.of(Text.builder().title("T").text("x").build())).hasSameHashCodeAs(
                XsiPush.of(Text.builder().title("T").text("x").build()));
    }

    @Test
    void actionUrisAreKeptAsTheCatalogParsedThem() {
        Outgoing out = ActionCatalog.standard().build("key_vol_down", Map.of());
        long read = PushStats.URIS_READ.sum();
        XsiPush p = XsiPush.of("key_vol_down", out);
        assertThat(PushStats.URIS_READ.sum() - read).isZero();
        assertThat(((PushItem.Internal) p.items().getFirst()).uri()).isSameAs(((Outgoing.UriPush) out).uri());
    }

    @Test
    void whatIsNoPushIsRefusedByTheOneRule() {
        assertThatThrownBy(() -> XsiPush.of("notify", ActionCatalog.standard().build("notify",
                ActionCatalog.standard().require("notify").exampleParams())))
                .isInstanceOf(XsiValidationException.class)
                .hasMessageContaining("push = \"notify\"").hasMessageContaining("placed inside other objects");
        assertThatThrownBy(() -> XsiPush.of("info", new Outgoing.HttpGet("/DeviceInformationX")))
                .isInstanceOf(XsiValidationException.class).hasMessageContaining("GET /DeviceInformationX");
        for (XsiDocument answer : List.of(new Response(List.of(ResponseItem.of("", ResponseStatus.SUCCESS))),
                PhoneError.of(PhoneError.PARSE_ERROR), new MediaStreamReply("1"))) {
            assertThat(XsiPush.pushable(answer)).as(answer.rootElement()).isFalse();
            assertThatThrownBy(() -> XsiPush.of(answer)).isInstanceOf(XsiValidationException.class)
                    .hasMessageContaining(answer.rootElement());
        }
        assertThat(XsiPush.of(new GetDeviceCaps()).rootElement()).isEqualTo("getDeviceCaps");
        assertThat(XsiPush.of(StopMedia.all()).rootElement()).isEqualTo("stopMedia");
    }

    @Test
    void executeItemsThatAreNoUriAreBadInputWhenBuilding() {
        assertThatThrownBy(() -> XsiPush.of(Execute.of("Key:Services", "NoSuchFamily:x")))
                .isInstanceOf(XsiValidationException.class)
                .hasMessageContaining("ExecuteItem[1].URL: URI family = \"NoSuchFamily\"");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void theSizeProfileIsCheckedWhenBuilt(int over) {
        String base = new String(XsiCodec.encode(Text.builder().title("T").text("").build()), StandardCharsets.UTF_8);
        int room = SizeProfile.LEGACY_512B.maxBytes() - base.length() + over;
        Text text = Text.builder().title("T").text("x".repeat(room)).build();
        if (over == 0) {
            assertThat(XsiPush.of("t", text, SizeProfile.LEGACY_512B).size()).isEqualTo(512);
        } else {
            assertThatThrownBy(() -> XsiPush.of("t", text, SizeProfile.LEGACY_512B))
                    .isInstanceOf(XsiValidationException.class).hasMessageContaining("513 bytes")
                    .hasMessageContaining("LEGACY_512B");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CP-8845|Key:VolDwn|Key:VolDwn",
            "CP-7841|Key:VolDwn|Key:VolDown",
            "DP-9841|Key:VolDwn|Key:VolDown",
            "CP-8845|Key:VolDown|Key:VolDwn",
            "CP-7841|Key:VolDown|Key:VolDown",
            "CP-7841|Key:Services|Key:Services",
    })
    void theWireFormUsesTheModelsKeySpelling(String model, String typed, String wire) {
        XsiPush p = XsiPush.of(Execute.of(typed, "http://127.0.0.1/x"));
        XsiPush forModel = p.forModel(MODELS.model(model));
        assertThat(forModel.xmlText()).contains("URL=\"" + wire + "\"").contains("http://127.0.0.1/x");
        assertThat(forModel == p).isEqualTo(typed.equals(wire));
        assertThat(((PushItem.Internal) forModel.items().getFirst()).uri())
                .isSameAs(((PushItem.Internal) p.items().getFirst()).uri());
    }

    @Test
    void modelsThatSpellAlikeShareOneEncoding() {
        XsiPush p = XsiPush.of(Execute.of("Key:VolDwn"));
        long encoded = PushStats.ENCODED.sum();
        XsiPush a = p.forModel(MODELS.model("CP-7841"));
        XsiPush b = p.forModel(MODELS.model("CP-7861"));
        XsiPush c = p.forModel(MODELS.model("DP-9851"));
        assertThat(a).isSameAs(b).isSameAs(c);
        assertThat(PushStats.ENCODED.sum() - encoded).isEqualTo(1);
        assertThat(p.forModel(MODELS.model("CP-8845"))).isSameAs(p);
    }

    @Test
    void aFileIsSentAsWritten() {
        byte[] xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><CiscoIPPhoneText><Text>caf\u00e9</Text></CiscoIPPhoneText>"
                .getBytes(StandardCharsets.ISO_8859_1);
        XsiPush p = XsiPush.ofXml("cafe.xml", xml);
        assertThat(p.xml()).isEqualTo(xml);
        assertThat(((Text) p.document()).text()).isEqualTo("caf\u00e9");
        assertThatThrownBy(() -> XsiPush.ofXml("bad.xml", "<CiscoIPPhoneText><Text>x</Tex>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(XsiParseException.class);
    }

    @Test
    void decodingIsThePhonesSideAndKeepsUnreadableItems() {
        long encoded = PushStats.ENCODED.sum();
        byte[] raw = "XML=<CiscoIPPhoneExecute><ExecuteItem URL=\"Key:VolUp\"/><ExecuteItem URL=\"Nonsense:Thing\"/>"
                .concat("</CiscoIPPhoneExecute>").getBytes(StandardCharsets.UTF_8);
        XsiPush p = XsiPush.decode(raw, XsiCodec.Mode.LENIENT, SizeProfile.POST_40KB);
        assertThat(p.items()).hasSize(2);
        assertThat(p.items().get(0)).isInstanceOf(PushItem.Internal.class);
        assertThat(p.items().get(1)).isInstanceOfSatisfying(PushItem.Unreadable.class,
                u -> assertThat(u.violations().getFirst().field()).startsWith("ExecuteItem[1].URL"));
        assertThat(PushStats.ENCODED.sum()).isEqualTo(encoded);
        assertThat(bytes(p.body())).isEqualTo(raw);

        byte[] big = FormBody.encodeField("XML", XsiCodec.encode(Text.builder().title("T").text("x".repeat(600)).build()));
        assertThatThrownBy(() -> XsiPush.decode(big, XsiCodec.Mode.LENIENT, SizeProfile.LEGACY_512B))
                .isInstanceOf(XsiValidationException.class).hasMessageContaining("LEGACY_512B");
        byte[] answer = FormBody.encodeField("XML", XsiCodec.encode(PhoneError.of(PhoneError.PARSE_ERROR)));
        assertThatThrownBy(() -> XsiPush.decode(answer, XsiCodec.Mode.LENIENT, SizeProfile.POST_40KB))
                .isInstanceOf(XsiValidationException.class).hasMessageContaining("CiscoIPPhoneError");
    }

    @Test
    void toStringShowsNoXml() {
        XsiPush p = XsiPush.of("n", Text.builder().title("T").text("x").build());
        assertThat(p.toString()).isEqualTo("XsiPush[n, CiscoIPPhoneText, " + p.size() + " bytes]");
    }
}
