//! Interface strings in English, Spanish and Arabic, and the reading direction of a language.
//! Story text is translated in the story itself (see [`crate::story::Text`]); dates and numbers
//! are formatted by the browser's `Intl` (see `ui::intl`).

use crate::story::TravelMode;

/// Every string the interface shows, in one language. Templates take `{name}` placeholders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Strings {
    pub lang: &'static str,
    pub previous: &'static str,
    pub previous_stop: &'static str,
    pub next: &'static str,
    pub next_stop: &'static str,
    /// `{i}`, `{n}`.
    pub stop_of: &'static str,
    pub close: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub whole_trip: &'static str,
    pub full_screen: &'static str,
    pub exit_full_screen: &'static str,
    pub stops: &'static str,
    /// `{name}`: who travels.
    pub met: &'static str,
    /// The same heading when the story names no traveller.
    pub meetings: &'static str,
    pub topics: &'static str,
    pub key_figures: &'static str,
    /// The mark on a meeting the reports give only as planned.
    pub scheduled: &'static str,
    /// Heading of a card's list of what was planned but not reported as done.
    pub scheduled_items: &'static str,
    pub sources: &'static str,
    /// `{distance}`, `{place}`.
    pub from_place: &'static str,
    /// The same for a leg whose mode the story gives: `{mode}` (one of `by_mode`).
    pub by_mode_from: &'static str,
    /// "By road", by [`crate::story::TravelMode`] (flight, road, rail, ferry, walk).
    pub by_mode: [&'static str; 5],
    /// The legend's names of the modes, in the same order.
    pub mode_names: [&'static str; 5],
    /// The legend's accessible name.
    pub legend: &'static str,
    pub wheel_hint: &'static str,
    /// `{stops}`: the stop names joined by arrows.
    pub map_label: &'static str,
    /// `{name}`, `{dates}`, `{count}` (already "4 stops"), `{distance}`.
    pub description: &'static str,
    /// The same without a traveller or dates: `{count}`, `{distance}`.
    pub description_plain: &'static str,
    pub description_keys: &'static str,
    /// Links to a stop's media on another site, by kind: `{host}`.
    pub media_image: &'static str,
    pub media_video: &'static str,
    pub media_post: &'static str,
    pub media_page: &'static str,
    /// `{count}` (already "2 problems").
    pub error_title: &'static str,
    /// Shown in place of every map when TripMap itself fails.
    pub crashed: &'static str,
    /// Between a name and a role, and between list items.
    pub comma: &'static str,
    pub quote_open: &'static str,
    pub quote_close: &'static str,
    /// "{n} stops" in the plural forms [`Strings::count`] picks from: one, two, few (3–10), other.
    pub stops_n: [&'static str; 4],
    /// "{n} problems", the same way.
    pub problems_n: [&'static str; 4],
}

pub const EN: Strings = Strings {
    lang: "en",
    previous: "Previous",
    previous_stop: "Previous stop",
    next: "Next",
    next_stop: "Next stop",
    stop_of: "Stop {i} of {n}",
    close: "Close",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    whole_trip: "Show the whole trip",
    full_screen: "Full screen",
    exit_full_screen: "Exit full screen",
    stops: "Stops",
    met: "{name} met",
    meetings: "Meetings",
    topics: "Topics",
    key_figures: "Key figures",
    scheduled: "scheduled",
    scheduled_items: "Scheduled, as announced",
    sources: "Sources",
    from_place: "{distance} from {place}",
    by_mode_from: "{mode}, {distance} from {place}",
    by_mode: ["By air", "By road", "By rail", "By ferry", "On foot"],
    mode_names: ["Flight", "Road", "Rail", "Ferry", "On foot"],
    legend: "Key",
    wheel_hint: "Hold Ctrl and scroll to zoom the map",
    map_label: "Map of the trip: {stops}",
    description: "Map of the trip of {name}, {dates}: {count}, {distance} in all.",
    description_plain: "Map of the trip: {count}, {distance} in all.",
    description_keys: "Use the arrow keys to step through the stops.",
    media_image: "See the photo on {host}",
    media_video: "Watch the video on {host}",
    media_post: "See the post on {host}",
    media_page: "Open the page on {host}",
    error_title: "This map could not be drawn: its story has {count}.",
    crashed: "This map stopped because of an internal error. Reload the page to see it again.",
    comma: ", ",
    quote_open: "“",
    quote_close: "”",
    stops_n: ["{n} stop", "{n} stops", "{n} stops", "{n} stops"],
    problems_n: ["{n} problem", "{n} problems", "{n} problems", "{n} problems"],
};

pub const ES: Strings = Strings {
    lang: "es",
    previous: "Anterior",
    previous_stop: "Parada anterior",
    next: "Siguiente",
    next_stop: "Parada siguiente",
    stop_of: "Parada {i} de {n}",
    close: "Cerrar",
    zoom_in: "Acercar",
    zoom_out: "Alejar",
    whole_trip: "Ver todo el viaje",
    full_screen: "Pantalla completa",
    exit_full_screen: "Salir de pantalla completa",
    stops: "Paradas",
    met: "{name} se reunió con",
    meetings: "Reuniones",
    topics: "Temas",
    key_figures: "Cifras clave",
    scheduled: "previsto",
    scheduled_items: "Previsto, según lo anunciado",
    sources: "Fuentes",
    from_place: "{distance} desde {place}",
    by_mode_from: "{mode}, {distance} desde {place}",
    by_mode: ["En avión", "Por carretera", "En tren", "En ferri", "A pie"],
    mode_names: ["Vuelo", "Carretera", "Tren", "Ferri", "A pie"],
    legend: "Leyenda",
    wheel_hint: "Mantenga Ctrl y desplace para hacer zoom en el mapa",
    map_label: "Mapa del viaje: {stops}",
    description: "Mapa del viaje de {name}, {dates}: {count}, {distance} en total.",
    description_plain: "Mapa del viaje: {count}, {distance} en total.",
    description_keys: "Use las flechas del teclado para recorrer las paradas.",
    media_image: "Ver la foto en {host}",
    media_video: "Ver el vídeo en {host}",
    media_post: "Ver la publicación en {host}",
    media_page: "Abrir la página en {host}",
    error_title: "No se pudo dibujar este mapa: su historia tiene {count}.",
    crashed: "Este mapa se detuvo por un error interno. Vuelva a cargar la página para verlo de nuevo.",
    comma: ", ",
    quote_open: "«",
    quote_close: "»",
    stops_n: ["{n} parada", "{n} paradas", "{n} paradas", "{n} paradas"],
    problems_n: ["{n} problema", "{n} problemas", "{n} problemas", "{n} problemas"],
};

pub const AR: Strings = Strings {
    lang: "ar",
    previous: "السابق",
    previous_stop: "المحطة السابقة",
    next: "التالي",
    next_stop: "المحطة التالية",
    stop_of: "المحطة {i} من {n}",
    close: "إغلاق",
    zoom_in: "تكبير",
    zoom_out: "تصغير",
    whole_trip: "عرض الرحلة كاملة",
    full_screen: "ملء الشاشة",
    exit_full_screen: "الخروج من ملء الشاشة",
    stops: "المحطات",
    met: "التقى {name}",
    meetings: "اللقاءات",
    topics: "المواضيع",
    key_figures: "أرقام رئيسية",
    scheduled: "مقرر",
    scheduled_items: "مقرر، حسب ما أُعلن",
    sources: "المصادر",
    from_place: "{distance} من {place}",
    by_mode_from: "{mode}، {distance} من {place}",
    by_mode: ["جوًا", "برًا", "بالقطار", "بالعبّارة", "سيرًا على الأقدام"],
    mode_names: ["رحلة جوية", "طريق برّي", "سكة حديد", "عبّارة", "سيرًا على الأقدام"],
    legend: "مفتاح الخريطة",
    wheel_hint: "اضغط Ctrl مع التمرير لتكبير الخريطة",
    map_label: "خريطة الرحلة: {stops}",
    description: "خريطة رحلة {name}، {dates}: {count}، {distance} إجمالاً.",
    description_plain: "خريطة الرحلة: {count}، {distance} إجمالاً.",
    description_keys: "استخدم مفاتيح الأسهم للتنقل بين المحطات.",
    media_image: "عرض الصورة على {host}",
    media_video: "مشاهدة الفيديو على {host}",
    media_post: "عرض المنشور على {host}",
    media_page: "فتح الصفحة على {host}",
    error_title: "تعذّر رسم هذه الخريطة: في القصة {count}.",
    crashed: "توقفت هذه الخريطة بسبب خطأ داخلي. أعد تحميل الصفحة لعرضها من جديد.",
    comma: "، ",
    quote_open: "«",
    quote_close: "»",
    stops_n: ["محطة واحدة", "محطتان", "{n} محطات", "{n} محطة"],
    problems_n: ["مشكلة واحدة", "مشكلتان", "{n} مشكلات", "{n} مشكلة"],
};

/// The interface languages, English first (the fallback).
pub const ALL: [&Strings; 3] = [&EN, &ES, &AR];

impl Strings {
    /// "By road": how the traveller reached a stop, for a mode the story gives.
    pub fn by(&self, mode: TravelMode) -> &'static str {
        self.by_mode[mode_index(mode)]
    }

    /// The mode's name in the legend.
    pub fn mode_name(&self, mode: TravelMode) -> &'static str {
        self.mode_names[mode_index(mode)]
    }

    /// The strings for a language code ("es-CO" → Spanish); English for any other.
    ///
    /// ```
    /// assert_eq!(tripmap::i18n::Strings::for_lang("es-CO").next, "Siguiente");
    /// assert_eq!(tripmap::i18n::Strings::for_lang("fr").next, "Next");
    /// ```
    pub fn for_lang(lang: &str) -> &'static Strings {
        let base = base_lang(lang);
        ALL.iter().find(|s| s.lang == base).copied().unwrap_or(&EN)
    }

    /// "Map of the trip: Washington → Bogotá → …", the arrows pointing the reading direction.
    pub fn map_label(&self, stop_names: &[&str]) -> String {
        let arrow = if is_rtl(self.lang) { " ← " } else { " → " };
        fill(self.map_label, &[("stops", &stop_names.join(arrow))])
    }

    /// "4 stops", with the language's plural forms; `n_text` is `n` formatted for the locale.
    pub fn stop_count(&self, n: usize, n_text: &str) -> String {
        self.count(&self.stops_n, n, n_text)
    }

    /// "2 problems", with the language's plural forms.
    pub fn problem_count(&self, n: usize, n_text: &str) -> String {
        self.count(&self.problems_n, n, n_text)
    }

    /// Picks the plural form (Arabic has one, two, few and other; English and Spanish one and
    /// other) and fills in the number.
    fn count(&self, forms: &[&str; 4], n: usize, n_text: &str) -> String {
        let form = match (self.lang, n) {
            (_, 1) => forms[0],
            ("ar", 2) => forms[1],
            ("ar", 3..=10) => forms[2],
            _ => forms[3],
        };
        fill(form, &[("n", n_text)])
    }
}

/// Story problems as the error panel words them, in one language. Templates take `{name}`
/// placeholders; a template that starts with the quoted value reads on from the path without a
/// colon (`stops[3].id "lima" is used twice`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProblemStrings {
    pub empty: &'static str,
    pub outside: &'static str,
    pub lang_code: &'static str,
    pub key_lang_code: &'static str,
    pub no_own_text: &'static str,
    pub not_web_url: &'static str,
    pub no_stops: &'static str,
    pub bad_id: &'static str,
    pub used_twice: &'static str,
    pub not_a_date: &'static str,
    pub no_month: &'static str,
    pub no_day: &'static str,
    pub before_date: &'static str,
    pub not_a_source: &'static str,
    pub not_a_stop: &'static str,
    pub to_itself: &'static str,
    pub broken_json: &'static str,
    pub unknown_field: &'static str,
    pub did_you_mean: &'static str,
    pub missing_field: &'static str,
    pub wrong_type: &'static str,
    pub a_number: &'static str,
    pub text: &'static str,
    pub a_list: &'static str,
    pub an_object: &'static str,
    pub a_string: &'static str,
    pub too_many: &'static str,
    /// `{reason}`: why a `data-story` file did not load.
    pub not_loaded: &'static str,
    pub not_a_route: &'static str,
    pub not_a_color: &'static str,
    pub few_positions: &'static str,
    pub short_position: &'static str,
    pub not_a_track_file: &'static str,
    pub not_a_path: &'static str,
    /// `{file}`, `{detail}`: a track file that does not parse.
    pub bad_track_file: &'static str,
    /// `{file}`: a track file with no track, route or line in it.
    pub no_track: &'static str,
    /// `{km}`, `{stop}`: a warning, the track's first position far from its leg's first stop.
    pub far_start: &'static str,
    pub far_end: &'static str,
    /// `{value}`, `{expected}`: a name that is not one of the allowed ones (a leg's mode).
    pub unknown_value: &'static str,
    /// A key written twice in one object: JSON readers keep only one of the two.
    pub written_twice: &'static str,
}

pub const EN_PROBLEMS: ProblemStrings = ProblemStrings {
    empty: "is empty",
    outside: "{value} is outside -{limit}..{limit}",
    lang_code: "\"{value}\" is not a language code like \"en\" or \"es\"",
    key_lang_code: "key \"{value}\" is not a language code like \"en\" or \"es\"",
    no_own_text: "has no \"{lang}\" text, the story's own language",
    not_web_url: "\"{value}\" is not an http or https link",
    no_stops: "has no stops; a map needs at least one",
    bad_id: "\"{value}\" must be 1 to 64 of a-z, 0-9, - and _",
    used_twice: "\"{value}\" is used twice",
    not_a_date: "\"{value}\" is not a date like 2022-10-03",
    no_month: "\"{value}\" has no month {month}",
    no_day: "\"{value}\" is not a day of that month",
    before_date: "\"{value}\" is before date \"{date}\"",
    not_a_source: "\"{value}\" is not a source",
    not_a_stop: "\"{value}\" is not a stop",
    to_itself: "goes from \"{value}\" to itself",
    broken_json: "the JSON is broken at line {line}, column {column}: {detail}",
    unknown_field: "unknown field \"{field}\"",
    did_you_mean: " (did you mean \"{name}\"?)",
    missing_field: "field \"{field}\" is missing",
    wrong_type: "{found} is not {expected}",
    a_number: "a number",
    text: "text (a string, or translations like {\"en\": \"…\"})",
    a_list: "a list ([…])",
    an_object: "an object ({…})",
    a_string: "a string",
    too_many: "too many problems to list; fix these first",
    not_loaded: "could not be loaded ({reason})",
    not_a_route: "\"{value}\" is not a route",
    not_a_color: "\"{value}\" is not a colour (#rgb or #rrggbb)",
    few_positions: "a line needs at least two positions",
    short_position: "a position needs a longitude and a latitude",
    not_a_track_file: "\"{value}\" is not a .gpx or .geojson file",
    not_a_path: "expected a GeoJSON LineString or MultiLineString, or the name of a .gpx or .geojson file",
    no_track: "{file} has no track, route or line in it",
    bad_track_file: "{file} does not read as a track ({detail})",
    far_start: "the track starts {km} km from \"{stop}\"",
    far_end: "the track ends {km} km from \"{stop}\"",
    unknown_value: "\"{value}\" is not one of {expected}",
    written_twice: "is written twice (a reader keeps only one)",
};

pub const ES_PROBLEMS: ProblemStrings = ProblemStrings {
    empty: "está vacío",
    outside: "{value} está fuera de -{limit}..{limit}",
    lang_code: "\"{value}\" no es un código de idioma como \"en\" o \"es\"",
    key_lang_code: "la clave \"{value}\" no es un código de idioma como \"en\" o \"es\"",
    no_own_text: "no tiene texto en \"{lang}\", el idioma propio de la historia",
    not_web_url: "\"{value}\" no es un enlace http o https",
    no_stops: "no tiene paradas; un mapa necesita al menos una",
    bad_id: "\"{value}\" debe tener de 1 a 64 caracteres entre a-z, 0-9, - y _",
    used_twice: "\"{value}\" se usa dos veces",
    not_a_date: "\"{value}\" no es una fecha como 2022-10-03",
    no_month: "\"{value}\" no tiene mes {month}",
    no_day: "\"{value}\" no es un día de ese mes",
    before_date: "\"{value}\" es anterior a la fecha \"{date}\"",
    not_a_source: "\"{value}\" no es una fuente",
    not_a_stop: "\"{value}\" no es una parada",
    to_itself: "va de \"{value}\" a sí misma",
    broken_json: "el JSON está roto en la línea {line}, columna {column}: {detail}",
    unknown_field: "campo desconocido \"{field}\"",
    did_you_mean: " (¿quiso decir \"{name}\"?)",
    missing_field: "falta el campo \"{field}\"",
    wrong_type: "{found} no es {expected}",
    a_number: "un número",
    text: "texto (una cadena o traducciones como {\"en\": \"…\"})",
    a_list: "una lista ([…])",
    an_object: "un objeto ({…})",
    a_string: "una cadena",
    too_many: "demasiados problemas para enumerarlos; corrija primero estos",
    not_loaded: "no se pudo cargar ({reason})",
    not_a_route: "\"{value}\" no es una ruta",
    not_a_color: "\"{value}\" no es un color (#rgb o #rrggbb)",
    few_positions: "una línea necesita al menos dos posiciones",
    short_position: "una posición necesita longitud y latitud",
    not_a_track_file: "\"{value}\" no es un archivo .gpx ni .geojson",
    not_a_path: "se esperaba un LineString o MultiLineString de GeoJSON, o el nombre de un archivo .gpx o .geojson",
    no_track: "{file} no contiene ningún track, ruta ni línea",
    bad_track_file: "{file} no se puede leer como track ({detail})",
    far_start: "el track empieza a {km} km de \"{stop}\"",
    far_end: "el track termina a {km} km de \"{stop}\"",
    unknown_value: "\"{value}\" no es ninguno de {expected}",
    written_twice: "está escrito dos veces (un lector solo conserva uno)",
};

pub const AR_PROBLEMS: ProblemStrings = ProblemStrings {
    empty: "فارغ",
    outside: "{value} خارج النطاق -{limit}..{limit}",
    lang_code: "\"{value}\" ليس رمز لغة مثل \"en\" أو \"es\"",
    key_lang_code: "المفتاح \"{value}\" ليس رمز لغة مثل \"en\" أو \"es\"",
    no_own_text: "لا يحتوي نصاً بلغة \"{lang}\"، لغة القصة الأصلية",
    not_web_url: "\"{value}\" ليس رابط http أو https",
    no_stops: "لا يحتوي محطات؛ تحتاج الخريطة إلى محطة واحدة على الأقل",
    bad_id: "\"{value}\" يجب أن يتكون من 1 إلى 64 حرفاً من a-z و0-9 و- و_",
    used_twice: "\"{value}\" مستخدم مرتين",
    not_a_date: "\"{value}\" ليس تاريخاً مثل 2022-10-03",
    no_month: "\"{value}\" لا يوجد فيه شهر {month}",
    no_day: "\"{value}\" ليس يوماً من ذلك الشهر",
    before_date: "\"{value}\" يسبق التاريخ \"{date}\"",
    not_a_source: "\"{value}\" ليس مصدراً",
    not_a_stop: "\"{value}\" ليس محطة",
    to_itself: "يذهب من \"{value}\" إلى نفسه",
    broken_json: "ملف JSON معطوب في السطر {line}، العمود {column}: {detail}",
    unknown_field: "حقل غير معروف \"{field}\"",
    did_you_mean: " (هل تقصد \"{name}\"؟)",
    missing_field: "الحقل \"{field}\" مفقود",
    wrong_type: "{found} ليس {expected}",
    a_number: "رقماً",
    text: "نصاً (سلسلة أو ترجمات مثل {\"en\": \"…\"})",
    a_list: "قائمة ([…])",
    an_object: "كائناً ({…})",
    a_string: "سلسلة نصية",
    too_many: "المشكلات أكثر من أن تُعدّ؛ أصلح هذه أولاً",
    not_loaded: "تعذّر تحميله ({reason})",
    not_a_route: "\"{value}\" ليس مسارًا",
    not_a_color: "\"{value}\" ليس لونًا (#rgb أو #rrggbb)",
    few_positions: "يحتاج الخط إلى موقعين على الأقل",
    short_position: "يحتاج الموقع إلى خط طول وخط عرض",
    not_a_track_file: "\"{value}\" ليس ملف .gpx أو .geojson",
    not_a_path: "المتوقع LineString أو MultiLineString بصيغة GeoJSON، أو اسم ملف .gpx أو .geojson",
    no_track: "لا يحتوي {file} على أي مسار أو خط",
    bad_track_file: "تعذّرت قراءة {file} كمسار ({detail})",
    far_start: "يبدأ المسار على بعد {km} كم من \"{stop}\"",
    far_end: "ينتهي المسار على بعد {km} كم من \"{stop}\"",
    unknown_value: "\"{value}\" ليس من بين {expected}",
    written_twice: "مكتوب مرتين (لا يحتفظ القارئ إلا بواحد)",
};

impl ProblemStrings {
    /// The problem wording for a language code; English for any other.
    pub fn for_lang(lang: &str) -> &'static ProblemStrings {
        match base_lang(lang).as_str() {
            "es" => &ES_PROBLEMS,
            "ar" => &AR_PROBLEMS,
            _ => &EN_PROBLEMS,
        }
    }

    /// Every template, for the completeness test.
    pub fn all(&self) -> [(&'static str, &'static str); 40] {
        [
            ("empty", self.empty),
            ("outside", self.outside),
            ("lang_code", self.lang_code),
            ("key_lang_code", self.key_lang_code),
            ("no_own_text", self.no_own_text),
            ("not_web_url", self.not_web_url),
            ("no_stops", self.no_stops),
            ("bad_id", self.bad_id),
            ("used_twice", self.used_twice),
            ("not_a_date", self.not_a_date),
            ("no_month", self.no_month),
            ("no_day", self.no_day),
            ("before_date", self.before_date),
            ("not_a_source", self.not_a_source),
            ("not_a_stop", self.not_a_stop),
            ("to_itself", self.to_itself),
            ("broken_json", self.broken_json),
            ("unknown_field", self.unknown_field),
            ("did_you_mean", self.did_you_mean),
            ("missing_field", self.missing_field),
            ("wrong_type", self.wrong_type),
            ("a_number", self.a_number),
            ("text", self.text),
            ("a_list", self.a_list),
            ("an_object", self.an_object),
            ("a_string", self.a_string),
            ("too_many", self.too_many),
            ("not_loaded", self.not_loaded),
            ("not_a_route", self.not_a_route),
            ("not_a_color", self.not_a_color),
            ("few_positions", self.few_positions),
            ("short_position", self.short_position),
            ("not_a_track_file", self.not_a_track_file),
            ("no_track", self.no_track),
            ("bad_track_file", self.bad_track_file),
            ("not_a_path", self.not_a_path),
            ("far_start", self.far_start),
            ("far_end", self.far_end),
            ("unknown_value", self.unknown_value),
            ("written_twice", self.written_twice),
        ]
    }
}

/// The place of a drawn mode in [`Strings::by_mode`] and [`Strings::mode_names`] (`none` is
/// never named: it draws nothing).
fn mode_index(mode: TravelMode) -> usize {
    match mode {
        TravelMode::Flight | TravelMode::None => 0,
        TravelMode::Road => 1,
        TravelMode::Rail => 2,
        TravelMode::Ferry => 3,
        TravelMode::Walk => 4,
    }
}

/// Fills `{name}` placeholders, in one pass over the template: a value is never read again, so a
/// story's text that happens to spell a placeholder (`{dates}`) stays as written. A placeholder
/// without a value is kept as it is.
///
/// ```
/// assert_eq!(tripmap::i18n::fill("Stop {i} of {n}", &[("i", "2"), ("n", "4")]), "Stop 2 of 4");
/// assert_eq!(tripmap::i18n::fill("{name}, {dates}", &[("name", "{dates}"), ("dates", "3–7 Oct")]), "{dates}, 3–7 Oct");
/// ```
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| Some((values.iter().find(|(k, _)| *k == &after[..close])?.1, close)));
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// "es" for "es-CO".
pub fn base_lang(lang: &str) -> String {
    lang.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()
}

/// `text` wrapped in Unicode isolates (RLI … PDI) in a right-to-left map, so that a Latin name
/// or a number keeps its own order inside Arabic text.
pub fn isolate(text: &str, rtl: bool) -> String {
    if rtl {
        format!("\u{2067}{text}\u{2069}")
    } else {
        text.to_string()
    }
}

/// True for languages written right to left.
///
/// ```
/// assert!(tripmap::i18n::is_rtl("ar-EG"));
/// assert!(!tripmap::i18n::is_rtl("es"));
/// ```
pub fn is_rtl(lang: &str) -> bool {
    matches!(base_lang(lang).as_str(), "ar" | "he" | "fa" | "ur" | "ps" | "yi" | "dv" | "ckb" | "sd" | "ug")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field of each language's strings, as (name, value) pairs.
    fn fields(s: &Strings) -> Vec<(&'static str, &'static str)> {
        vec![
            ("previous", s.previous),
            ("previous_stop", s.previous_stop),
            ("next", s.next),
            ("next_stop", s.next_stop),
            ("stop_of", s.stop_of),
            ("close", s.close),
            ("zoom_in", s.zoom_in),
            ("zoom_out", s.zoom_out),
            ("whole_trip", s.whole_trip),
            ("full_screen", s.full_screen),
            ("exit_full_screen", s.exit_full_screen),
            ("stops", s.stops),
            ("met", s.met),
            ("meetings", s.meetings),
            ("topics", s.topics),
            ("key_figures", s.key_figures),
            ("scheduled", s.scheduled),
            ("scheduled_items", s.scheduled_items),
            ("sources", s.sources),
            ("from_place", s.from_place),
            ("by_mode_from", s.by_mode_from),
            ("legend", s.legend),
            ("wheel_hint", s.wheel_hint),
            ("map_label", s.map_label),
            ("description", s.description),
            ("description_plain", s.description_plain),
            ("description_keys", s.description_keys),
            ("media_image", s.media_image),
            ("media_video", s.media_video),
            ("media_post", s.media_post),
            ("media_page", s.media_page),
            ("error_title", s.error_title),
            ("crashed", s.crashed),
            ("comma", s.comma),
            ("quote_open", s.quote_open),
            ("quote_close", s.quote_close),
        ]
    }

    #[test]
    fn every_interface_string_exists_in_every_language_with_the_same_placeholders() {
        let placeholders = |t: &str| {
            let mut v: Vec<String> = t.split('{').skip(1).filter_map(|p| p.split('}').next()).map(String::from).collect();
            v.sort();
            v
        };
        for s in ALL {
            for ((name, text), (_, english)) in fields(s).into_iter().zip(fields(&EN)) {
                assert!(!text.trim().is_empty(), "{}: {name} is empty", s.lang);
                assert_eq!(placeholders(text), placeholders(english), "{}: {name} placeholders", s.lang);
                // Spanish shares the comma with English; "Ctrl" is a key's name everywhere.
                if s.lang != "en" && name != "wheel_hint" && !(s.lang == "es" && name == "comma") {
                    assert_ne!(text, english, "{}: {name} is not translated", s.lang);
                }
            }
        }
        for p in [&ES_PROBLEMS, &AR_PROBLEMS] {
            for ((name, text), (_, english)) in p.all().into_iter().zip(EN_PROBLEMS.all()) {
                assert!(!text.trim().is_empty(), "problem {name} is empty");
                // The placeholders' {} inside JSON examples are not placeholders: compare named ones.
                let named = |t: &str| {
                    let mut v: Vec<String> = placeholders(t).into_iter().filter(|p| p.chars().all(|c| c.is_ascii_lowercase())).collect();
                    v.dedup();
                    v
                };
                assert_eq!(named(text), named(english), "problem {name} placeholders");
                assert_ne!(text, english, "problem {name} is not translated");
            }
        }
        for s in ALL {
            for (name, english) in s.by_mode.iter().chain(&s.mode_names).zip(EN.by_mode.iter().chain(&EN.mode_names)) {
                assert!(s.lang == "en" || (name != english && !name.trim().is_empty()), "{}: mode {english} is not translated", s.lang);
            }
            for form in s.stops_n.iter().chain(&s.problems_n) {
                assert!(!form.trim().is_empty(), "{}: empty plural form", s.lang);
            }
        }
        assert_eq!(AR.stop_count(2, "٢"), "محطتان");
        assert_eq!(AR.stop_count(7, "7"), "7 محطات");
        assert_eq!(AR.problem_count(12, "12"), "12 مشكلة");
        assert_eq!(ES.stop_count(4, "4"), "4 paradas");
        assert_eq!(ES.problem_count(1, "1"), "1 problema");
        assert_eq!(EN.stop_count(1, "1"), "1 stop");
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))] // the default story is compiled into native builds only
    fn the_default_story_has_every_field_in_english_spanish_and_arabic() {
        use crate::story::{for_each_text, Story};
        let story = Story::default_story();
        assert_eq!(story.lang, "en");
        let mut missing = Vec::new();
        for_each_text(&story, &mut |path, text| {
            if text.is_empty() {
                return;
            }
            let langs = text.languages();
            for l in ["en", "es", "ar"] {
                if !langs.contains(&l) {
                    missing.push(format!("{path}: {l}"));
                }
            }
        });
        assert!(missing.is_empty(), "untranslated: {missing:#?}");
        // Spot checks: proper names as each press writes them.
        let es = story.localized("es");
        let ar = story.localized("ar");
        assert_eq!(es.stops[1].name.as_str(), "Bogotá");
        assert_eq!(ar.stops[1].name.as_str(), "بوغوتا");
        assert_eq!(ar.traveller.name.as_str(), "أنتوني بلينكن");
    }
}
