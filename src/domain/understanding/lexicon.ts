// The grammar of how people write to the bot: chat spellings and their standard words,
// words that carry no topic, words that tell Indonesian from English, and the domain words
// the stemmer must leave whole. Words only; what the bot answers lives in the knowledge base.
import { createRequire } from 'node:module';

/** Chat spellings, abbreviations and regional forms → the standard word (after lower-casing). */
export const SLANG: Readonly<Record<string, string>> = {
  // question words
  brp: 'berapa', brapa: 'berapa', brpa: 'berapa', berapaan: 'berapa', brpan: 'berapa', pira: 'berapa',
  gmn: 'bagaimana', gmna: 'bagaimana', gimana: 'bagaimana', gimn: 'bagaimana', gmana: 'bagaimana', gimane: 'bagaimana',
  bgmn: 'bagaimana', bagaimanakah: 'bagaimana', piye: 'bagaimana', kpn: 'kapan', kapankah: 'kapan',
  dmn: 'dimana', dmana: 'dimana', dimna: 'dimana', mana: 'mana', knp: 'kenapa', napa: 'kenapa', ngapa: 'kenapa',
  apakah: 'apa', apa2: 'apa', ap: 'apa', sapa: 'siapa', spa: 'siapa', siapakah: 'siapa',
  // negation and yes
  ga: 'tidak', gak: 'tidak', gk: 'tidak', g: 'tidak', nggak: 'tidak', ngga: 'tidak', nga: 'tidak', enggak: 'tidak',
  engga: 'tidak', kagak: 'tidak', tdk: 'tidak', tak: 'tidak', ndak: 'tidak', nda: 'tidak', gaada: 'tidak', gada: 'tidak',
  blm: 'belum', blom: 'belum', belom: 'belum', iya: 'ya', iyaa: 'ya', yaa: 'ya', y: 'ya', yoi: 'ya', ok: 'oke', okay: 'oke',
  // pronouns
  sy: 'saya', saya: 'saya', aku: 'saya', aq: 'saya', ak: 'saya', gw: 'saya', gue: 'saya', gua: 'saya', w: 'saya',
  ane: 'saya', sya: 'saya', km: 'kamu', kmu: 'kamu', lu: 'kamu', lo: 'kamu', elu: 'kamu', anda: 'anda',
  kak: 'kakak', ka: 'kakak', gan: 'kakak', min: 'admin', mimin: 'admin', sis: 'kakak', bro: 'kakak',
  // function words
  yg: 'yang', yng: 'yang', dgn: 'dengan', dg: 'dengan', sm: 'sama', ama: 'sama', utk: 'untuk', untk: 'untuk',
  buat: 'untuk', bwt: 'untuk', tuk: 'untuk', dr: 'dari', dri: 'dari', krn: 'karena', karna: 'karena', soalnya: 'karena',
  jg: 'juga', jga: 'juga', ato: 'atau', atw: 'atau', tp: 'tapi', tpi: 'tapi', ttg: 'tentang', sbg: 'sebagai', spt: 'seperti', kyk: 'seperti', kayak: 'seperti',
  kalo: 'kalau', klo: 'kalau', kl: 'kalau', klu: 'kalau', kalau: 'kalau', jika: 'kalau', bila: 'kalau', misal: 'kalau',
  jd: 'jadi', jdi: 'jadi', dah: 'sudah', udh: 'sudah', udah: 'sudah', sdh: 'sudah', uda: 'sudah', wes: 'sudah',
  lg: 'lagi', lgi: 'lagi', aja: 'saja', aj: 'saja', ae: 'saja', doang: 'saja', bgt: 'sekali', banget: 'sekali',
  bs: 'bisa', bsa: 'bisa', isa: 'bisa', dpt: 'dapat', dapet: 'dapat', dpet: 'dapat', dapatkah: 'dapat',
  mo: 'mau', mw: 'mau', pengen: 'ingin', pgn: 'ingin', pingin: 'ingin', hrs: 'harus', msh: 'masih', masi: 'masih',
  sampe: 'sampai', smp: 'sampai', ampe: 'sampai', skrg: 'sekarang', skg: 'sekarang', skrng: 'sekarang',
  trs: 'terus', trus: 'terus', gt: 'begitu', gitu: 'begitu', gtu: 'begitu', gini: 'begini', bgini: 'begini',
  emg: 'memang', emang: 'memang', tau: 'tahu', tw: 'tahu', thu: 'tahu', ngerti: 'tahu', kasi: 'kasih', ksh: 'kasih',
  cm: 'cuma', cuman: 'cuma', kira2: 'kira', sih: 'sih', deh: 'deh', dong: 'dong', donk: 'dong', dnk: 'dong',
  nih: 'nih', tuh: 'tuh', kok: 'kok', kek: 'seperti', td: 'tadi', tadi: 'tadi', bnr: 'benar', bener: 'benar',
  org: 'orang', orng: 'orang', sdkt: 'sedikit', dikit: 'sedikit', byk: 'banyak', bnyk: 'banyak', banyaak: 'banyak',
  tgl: 'tanggal', bln: 'bulan', thn: 'tahun', th: 'tahun', taun: 'tahun', hr: 'hari', mgg: 'minggu',
  // money
  jt: 'juta', jtan: 'juta', juta: 'juta', jutaan: 'juta', rb: 'ribu', ribuan: 'ribu', perbulan: 'bulan', sebulan: 'bulan',
  gaji: 'penghasilan', gajinya: 'penghasilan', gajian: 'penghasilan', pendapatan: 'penghasilan', pendapatannya: 'penghasilan',
  penghasilannya: 'penghasilan', penghasilan: 'penghasilan', income: 'income', salary: 'income', earn: 'income', earning: 'income',
  // domain spellings
  bpjstk: 'bpjs', bpjamsostek: 'bpjs', jamsostek: 'bpjs', bpjsk: 'bpjs', naker: 'ketenagakerjaan', tk: 'ketenagakerjaan',
  nakes: 'kesehatan', kes: 'kesehatan',
  ojol: 'ojek', ojek: 'ojek', gojek: 'ojek', grab: 'ojek', maxim: 'ojek', driver: 'ojek', sopir: 'sopir', supir: 'sopir',
  hp: 'hp', handphone: 'hp', henpon: 'hp', smartphone: 'hp', android: 'hp', hape: 'hp', ponsel: 'hp',
  apk: 'aplikasi', app: 'aplikasi', apps: 'aplikasi', aplikasinya: 'aplikasi', apl: 'aplikasi',
  tlp: 'telepon', telp: 'telepon', telpon: 'telepon', nelpon: 'telepon', no: 'nomor', nmr: 'nomor', nomer: 'nomor',
  pw: 'password', pass: 'password', sandi: 'password', passwordnya: 'password', pwnya: 'password',
  ektp: 'ktp',
  meninggoy: 'meninggal', wafat: 'meninggal', tiada: 'meninggal', mninggal: 'meninggal',
  kecelakaan: 'kecelakaan', celaka: 'kecelakaan', kclakaan: 'kecelakaan', kecelakan: 'kecelakaan',
  cair: 'cair', pencairan: 'cair', dicairkan: 'cair', mencairkan: 'cair', cairin: 'cair', nyairin: 'cair', ncairin: 'cair',
  klaim: 'klaim', claim: 'klaim', klaimnya: 'klaim', ngeklaim: 'klaim', mengklaim: 'klaim',
  daftar: 'daftar', daptar: 'daftar', dftr: 'daftar', dafter: 'daftar', regist: 'daftar', registrasi: 'daftar',
  iuran: 'iuran', iurannya: 'iuran', iuranya: 'iuran', iyuran: 'iuran', iruan: 'iuran', urunan: 'iuran',
  nunggak: 'tunggak', menunggak: 'tunggak', tunggakan: 'tunggak', tunggakannya: 'tunggak', telat: 'telat', terlambat: 'telat',
  nonaktif: 'nonaktif', mati2an: 'nonaktif', hangus: 'nonaktif', diblokir: 'nonaktif',
  peserta: 'peserta', pesertanya: 'peserta', anggota: 'peserta', kepesertaan: 'peserta', kepesertaannya: 'peserta',
  penghargaan: 'penghargaan', penghargaannya: 'penghargaan', award: 'award', awards: 'award', anugerah: 'penghargaan',
  juara: 'juara', jawara: 'juara', pemenang: 'juara', pemenangnya: 'juara', menang: 'juara', winner: 'juara', winners: 'juara',
  cakupan: 'cakupan', cakupannya: 'cakupan', coverage: 'coverage',
  bandingin: 'banding', bandingkan: 'banding', dibandingkan: 'banding', dibanding: 'banding', vs: 'banding', versus: 'banding',
  makasih: 'terimakasih', makasi: 'terimakasih', mksh: 'terimakasih', trims: 'terimakasih', thx: 'thanks', thanks: 'thanks',
  tengkyu: 'terimakasih', terimakasih: 'terimakasih', suwun: 'terimakasih', nuwun: 'terimakasih', tq: 'thanks', ty: 'thanks',
  kabarin: 'kabari', kabarkan: 'kabari', infoin: 'kabari', ingetin: 'ingatkan', ingatin: 'ingatkan',
  diingetin: 'ingatkan', diingatin: 'ingatkan', ngingetin: 'ingatkan', ingetan: 'ingatkan', kelupaan: 'lupa',
  simpen: 'simpan', nyimpen: 'simpan', disimpen: 'simpan', kesimpen: 'simpan', nyimpan: 'simpan',
  apus: 'hapus', ngapus: 'hapus', diapus: 'hapus', hilangin: 'hapus', ilangin: 'hapus', hilangkan: 'hapus', dihilangkan: 'hapus',
  musnahkan: 'hapus', dimusnahkan: 'hapus', penalti: 'denda', lali: 'lupa', nyatet: 'catat', dicatet: 'catat', nyatat: 'catat',
  // Javanese, Sundanese and Betawi forms people mix in
  piro: 'berapa', sabaraha: 'berapa', opo: 'apa', naon: 'apa', ape: 'apa', sopo: 'siapa', saha: 'siapa',
  kumaha: 'bagaimana', caranye: 'cara', ora: 'tidak', teu: 'tidak', henteu: 'tidak', iso: 'bisa',
  nek: 'kalau', wae: 'saja', aye: 'saya', abdi: 'saya', kulo: 'saya', nyang: 'yang', udeh: 'sudah', ame: 'sama',
  wulan: 'bulan', sasih: 'bulan', sabulan: 'bulan', setaun: 'setahun', sak: 'se', ngitung: 'hitung', ngitungnya: 'hitung', ngecek: 'cek',
  ngecekin: 'cek', mengecek: 'cek', ngajuin: 'ajukan', nggih: 'ya', lur: 'kakak',
  hai: 'halo', hallo: 'halo', helo: 'halo', hello: 'halo', hi: 'halo', hey: 'halo', hei: 'halo', haloo: 'halo', p: 'halo',
  assalamualaikum: 'salam', assalamu: 'salam', asalamualaikum: 'salam', ass: 'salam', permisi: 'salam',
  // Sumatran, Kalimantan and eastern Indonesian forms (Medan, Minang, Makassar, Manado, Ambon, Kupang, Papua)
  cemana: 'bagaimana', camana: 'bagaimana', bagemana: 'bagaimana',
  awak: 'saya', ambo: 'saya', beta: 'saya', sa: 'saya', kitorang: 'kami', torang: 'kami', kitong: 'kami', katong: 'kami',
  ngana: 'kamu', ko: 'kamu', kau: 'kamu', ale: 'kamu', seng: 'tidak', sonde: 'tidak', son: 'tidak', tra: 'tidak', tara: 'tidak',
  tu: 'itu', ni: 'ini', tong: 'kami', dapa: 'dapat', pe: 'punya', bkn: 'bukan', bukn: 'bukan', mangarti: 'tahu', mengerti: 'tahu', manyo: 'bagaimana', baapo: 'bagaimana', bara: 'berapa', barapa: 'berapa',
};

/** Words that carry no topic beyond the lists of stopwords-iso (standard forms, after SLANG). */
const OWN_STOPWORDS =
  (
    'di ke dari yang dan atau dengan untuk pada dalam oleh itu ini tersebut sih deh dong nih tuh kok ya lah kah pun nya ku mu ' +
    'tanya nanya bertanya menanyakan ask question mohon minta sampaikan jelaskan penjelasan ' +
    'saya kamu anda kita kami mereka dia ia beliau kakak admin bang abang pak bu ibu bapak mas mbak om tante adik dik ' +
    'apa siapa yg ada adalah jadi sudah belum masih lagi saja juga juta ribu rupiah rp idr ' +
    'dapat mau ingin harus akan perlu tolong mohon minta coba info informasi infonya kasih beri berikan ' +
    'sekali banget cuma hanya sama seperti begitu begini terus memang tahu benar kalau tapi karena sebagai tentang ' +
    'sekarang tadi nanti kira sekitar kurang lebih agak soal mengenai terkait perihal hal ' +
    'bpjs ketenagakerjaan bpjamsostek ' +
    // Who asks and when, in an official's or a worker's story: never what is asked.
    'besok lusa staf staff pegawai disnaker dinas kadis kabid kasi kepala bidang bupati walikota ' +
    'camat lurah sekda honorer punten teh mah atuh euy geus nu ' +
    'the a an of in on at to for is are was were be been am do does did can could would should will shall may might ' +
    'i me my mine you your we our they their he she it its this that these those there here what which who whom ' +
    'why please pls plz tell about any some just also still yet so if then than and or but with ' +
    'from by as into get got have has had need want know doing happen happens happened abis habis biar pas via langsung ' +
    'pakai pake pakek memakai menggunakan gunakan use using kok sih dong deh yah kah nggih njih gan sis bro kak min ' +
    'tolong mohon maaf permisi please thx terus trus lalu kemudian'
  ).split(' ');

/** Words only Indonesian uses (standard forms): each counts for Indonesian. */
export const INDONESIAN_MARKERS: ReadonlySet<string> = new Set(
  (
    'yang dan di ke dari untuk dengan apa berapa bagaimana kapan dimana siapa kenapa tidak belum sudah saya kamu anda ' +
    'bisa dapat mau ingin ada adalah kalau tapi karena juga saja lagi sih dong deh nih kok ya kakak admin bang pak bu mas ' +
    'mbak iuran bayar daftar cara syarat penghasilan juta ribu bulan tahun cakupan peserta penghargaan juara kartu hilang ' +
    'lupa klaim cair meninggal kecelakaan kerja pekerja tunggak telat denda aktif kantor terdekat itu ini mana apakah ' +
    'caranya gimana berapakah sama buat orang keluarga anak beasiswa dapat pakai tanpa halo terimakasih selamat pagi ' +
    'siang sore malam tolong mohon info paling banyak tertinggi terendah provinsi kabupaten kota desa wilayah daerah'
  ).split(' '),
);

/** Words only English uses: each counts for English. */
export const ENGLISH_MARKERS: ReadonlySet<string> = new Set(
  (
    'the a an of in on at to for is are was were be do does did can could would should will my me i you your we our ' +
    'what how which who when where why much many please tell about if and or with from by have has need want ' +
    'pay paid payment contribution contributions cost price fee fees late register enroll enrol join sign how ' +
    'coverage covered award awards winner winners won win province regency city village highest lowest most ' +
    'lost forgot forget card password account claim claims withdraw benefit benefits die died death accident work ' +
    'worker workers informal office nearest call number website hello hi thanks thank cheers good morning help ' +
    'compare versus subscribe notify notifications company my our month monthly earn income salary discount ' +
    'pension old age savings scholarship children family get gets receive happens happen still active inactive ' +
    'there whats hows wheres whos im ive dont cant isnt doesnt wont west east north south central java islands ' +
    'hey thanks please okay yes no not any all every should'
  ).split(' '),
);

/**
 * Domain words the Indonesian stemmer would cut into other words ("peserta" → "serta",
 * "tunggakan" → "tungga", "pensiun" → "siun"): kept whole, their particles and possessives
 * ("pesertanya") taken off by hand.
 */
export const PROTECTED_WORDS: ReadonlySet<string> = new Set(
  (
    'iuran peserta tunggak tunggakan nelayan jht jkk jkm jp jkp kpj jmo bpu npp nik ktp kk bpjs perisai paritrana ' +
    'pensiun meninggal keluarga kematian santunan beasiswa kecelakaan penghasilan pendapatan pekerja pekerjaan ' +
    'perusahaan penghargaan pemerintah kesehatan ketenagakerjaan pembayaran pendaftaran kepesertaan pencairan ' +
    'keringanan potongan diskon denda telat bantuan pengumuman langganan cakupan persen tertinggi terendah terbanyak ' +
    'terbesar terkecil terdekat tersedia berapa kantor cabang agen aplikasi password akun email nomor kartu ' +
    'universal pelapak lapak asik dokumen syarat persyaratan berkas mandiri resign keluar phk berhenti aktif nonaktif ' +
    'kategori kriteria penilaian nasional provinsi kabupaten kota desa kelurahan kecamatan terbaik pertama kedua ketiga ' +
    'manfaat jaminan rentan informal formal sektor transportasi pedagang petani sopir kurir ' +
    'pensiunan tabungan saldo sebagian seluruh total penuh maksimal minimal termurah murah mahal diskonnya ' +
    'bersama sekaligus beberapa berturut selama setelah sebelum sesudah berlaku berakhir habis'
  ).split(' '),
);

/**
 * What kind of question it is says much about the answer ("kapan" asks for a date, "apa itu"
 * for a definition): these phrases become one marker word each, in the questions indexed and
 * in the message, where they would otherwise be dropped as grammar. Standard words, longest first.
 */
export const QUESTION_MARKERS: ReadonlyArray<{ words: string; marker: string }> = [
  // Checking a rumour ("katanya ...", "is that legit?"): a kind of question, not a topic.
  { words: 'is that legit', marker: 'qtrue' },
  { words: 'is it legit', marker: 'qtrue' },
  { words: 'is that true', marker: 'qtrue' },
  { words: 'is it true', marker: 'qtrue' },
  { words: 'i heard', marker: 'qtrue' },
  { words: 'heard', marker: 'qtrue' },
  { words: 'legit', marker: 'qtrue' },
  { words: 'benar tidak', marker: 'qtrue' },
  { words: 'dengar dengar', marker: 'qtrue' },
  { words: 'denger denger', marker: 'qtrue' },
  { words: 'katanya', marker: 'qtrue' },
  { words: 'hoax', marker: 'qtrue' },
  { words: 'hoaks', marker: 'qtrue' },
  { words: 'singkatan dari', marker: 'qdef' },
  { words: 'kepanjangan dari', marker: 'qdef' },
  { words: 'singkatan', marker: 'qdef' },
  { words: 'kepanjangan', marker: 'qdef' },
  { words: 'stand for', marker: 'qdef' },
  { words: 'stands for', marker: 'qdef' },
  { words: 'apa itu', marker: 'qdef' },
  { words: 'itu apa', marker: 'qdef' },
  { words: 'apaan', marker: 'qdef' },
  { words: 'artinya', marker: 'qdef' },
  { words: 'arti', marker: 'qdef' },
  { words: 'maksudnya', marker: 'qdef' },
  { words: 'pengertian', marker: 'qdef' },
  { words: 'what is', marker: 'qdef' },
  { words: 'what are', marker: 'qdef' },
  { words: 'what does', marker: 'qdef' },
  { words: 'mean', marker: 'qdef' },
  { words: 'meaning', marker: 'qdef' },
  { words: 'berapa lama', marker: 'qwhen' },
  { words: 'how long', marker: 'qwhen' },
  { words: 'kapan', marker: 'qwhen' },
  { words: 'when', marker: 'qwhen' },
  { words: 'di mana', marker: 'qwhere' },
  { words: 'dimana', marker: 'qwhere' },
  { words: 'kemana', marker: 'qwhere' },
  { words: 'ke mana', marker: 'qwhere' },
  { words: 'mana', marker: 'qwhere' },
  { words: 'where', marker: 'qwhere' },
  { words: 'berapa', marker: 'qhowmuch' },
  { words: 'how much', marker: 'qhowmuch' },
  { words: 'how many', marker: 'qhowmuch' },
  { words: 'bagaimana', marker: 'qhow' },
  { words: 'how', marker: 'qhow' },
  { words: 'bisa', marker: 'qcan' },
  { words: 'boleh', marker: 'qcan' },
  { words: 'can', marker: 'qcan' },
  { words: 'could', marker: 'qcan' },
  { words: 'may', marker: 'qcan' },
  { words: 'kenapa', marker: 'qwhy' },
  { words: 'siapa saja', marker: 'qwho' },
  { words: 'siapa', marker: 'qwho' },
  { words: 'yang berhak', marker: 'qwho' },
  { words: 'who', marker: 'qwho' },
  { words: 'dari apa', marker: 'qbasis' },
  { words: 'berdasarkan apa', marker: 'qbasis' },
  { words: 'patokan', marker: 'qbasis' },
  { words: 'patokannya', marker: 'qbasis' },
  { words: 'acuan', marker: 'qbasis' },
  { words: 'based on', marker: 'qbasis' },
  { words: 'calculated from', marker: 'qbasis' },
  { words: 'mengapa', marker: 'qwhy' },
];

/** Possessives and particles people attach to a word: "pesertanya", "caranya", "bisakah", "sayapun". */
export const SUFFIXES = ['nya', 'kah', 'lah', 'pun', 'ku', 'mu', 'ne', 'e'] as const;

/** "paling banyak", "tertinggi", "highest": which end of a ranking is asked for. */
export const SUPERLATIVES: ReadonlyArray<{ words: string; order: 'most' | 'least' }> = [
  { words: 'paling banyak', order: 'most' },
  { words: 'paling tinggi', order: 'most' },
  { words: 'paling besar', order: 'most' },
  { words: 'paling luas', order: 'most' },
  { words: 'paling bagus', order: 'most' },
  { words: 'paling rendah', order: 'least' },
  { words: 'paling sedikit', order: 'least' },
  { words: 'paling kecil', order: 'least' },
  { words: 'paling jelek', order: 'least' },
  { words: 'paling bontot', order: 'least' },
  { words: 'paling jeblok', order: 'least' },
  { words: 'paling parah', order: 'least' },
  { words: 'paling buruk', order: 'least' },
  { words: 'paling buncit', order: 'least' },
  { words: 'paling bawah', order: 'least' },
  { words: 'paling atas', order: 'most' },
  { words: 'terbanyak', order: 'most' },
  { words: 'tertinggi', order: 'most' },
  { words: 'terbesar', order: 'most' },
  { words: 'terluas', order: 'most' },
  { words: 'teratas', order: 'most' },
  { words: 'terendah', order: 'least' },
  { words: 'terkecil', order: 'least' },
  { words: 'tersedikit', order: 'least' },
  { words: 'terbawah', order: 'least' },
  { words: 'highest', order: 'most' },
  { words: 'most', order: 'most' },
  { words: 'largest', order: 'most' },
  { words: 'biggest', order: 'most' },
  { words: 'best', order: 'most' },
  { words: 'top', order: 'most' },
  { words: 'lowest', order: 'least' },
  { words: 'least', order: 'least' },
  { words: 'smallest', order: 'least' },
  { words: 'fewest', order: 'least' },
  { words: 'worst', order: 'least' },
];

/** Words that name the transport sector (its own discount period). */
export const TRANSPORT_WORDS: ReadonlySet<string> = new Set(
  'ojek ojol gojek grab maxim driver sopir supir kurir angkot taksi taxi transportasi transport bentor becak courier'.split(' '),
);

export const PROGRAMME_WORDS: Readonly<Record<string, 'JKK' | 'JKM' | 'JHT' | 'JP'>> = {
  jkk: 'JKK',
  jkm: 'JKM',
  jht: 'JHT',
  jp: 'JP',
};

/** Said with JHT or without it, for the calculator ("pake jht", "tanpa jht"). */
export const WITHOUT_JHT = ['tanpa jht', 'tidak jht', 'tidak pakai jht', 'tidak pake jht', 'tidak ikut jht', 'without jht', 'no jht'];
export const WITH_JHT = ['pakai jht', 'pake jht', 'dengan jht', 'sama jht', 'plus jht', 'ikut jht', 'tambah jht', 'with jht', 'jht'];

/**
 * Everyday phrases with a region's name in them ("nasi padang", "batu bara", "nasib
 * malang"): no place. Standard words.
 */
export const NOT_PLACES: readonly string[] = [
  // what follows "pt", "cv", "toko" is a business's name
  'nasi padang', 'rumah makan padang', 'masakan padang', 'makan padang', 'padang rumput', 'padang pasir',
  'batu bara', 'batubara', 'nasib malang', 'untung malang', 'malang melintang', 'kena palu', 'pukul palu', 'palu godam',
  'puncak musim', 'musim puncak', 'jam puncak', 'per batang', 'batang rokok', 'broke a bone', 'bone marrow',
  'kota besar', 'kota kecil', 'desa kami', 'desa saya', 'kampung saya', 'kota saya', 'daerah saya', 'daerah kami',
];

/**
 * Region names that are also everyday words ("batu", "malang", "puncak"): a place only with
 * its prefix ("Kota Batu") or when nothing else in the message means anything.
 */
export const COMMON_WORD_PLACES: ReadonlySet<string> = new Set(
  'batu puncak bone metro banjar karo toba batang muna sigi alor aru sula tual ende buru tojo tapin agam kaur lingga seram tengah timur barat utara selatan raya baru jaya'.split(
    ' ',
  ),
);

/**
 * The words of one meaning, in both languages, as one word: questions and messages are
 * compared by meaning, so "pass away", "wafat" and "meninggal" ask the same, and an English
 * question finds an answer asked for in Indonesian. Standard words (after SLANG); phrases too.
 */
export const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  meninggal: ['kalau mati', 'kalau saya mati', 'suami mati', 'istri mati', 'bapak mati', 'ibu mati', 'orang tua mati', 'wafat', 'tiada', 'die', 'died', 'dies', 'dying', 'death', 'dead', 'pass away', 'passed away', 'kematian', 'deceased', 'meninggoy'],
  // Drawing JHT is claiming it: "pencairan" and "klaim" ask the same.
  klaim: ['claims', 'claiming', 'claimed', 'cair', 'ambil', 'tarik', 'withdraw', 'withdrawal', 'withdrawing', 'cash out', 'dicairin'],
  bayar: ['membayar', 'pembayaran', 'setor', 'pay', 'paying', 'payment', 'payments', 'paid', 'dibayar', 'bayarin'],
  telat: ['late', 'overdue', 'lewat jatuh tempo', 'lewat tanggal jatuh tempo', 'lewat dari jatuh tempo', 'melewati jatuh tempo', 'past the due date', 'after the due date', 'missed the due date'],
  tunggak: ['arrears', 'unpaid', 'missed'],
  denda: ['fine', 'fines', 'fined', 'penalty', 'penalties', 'sanksi', 'late fee', 'late fees', 'late charge', 'surcharge'],
  // Death not from a work accident (JKM, not JKK): the negation is the meaning.
  matibiasa: [
    'bukan kecelakaan', 'bukan karena kecelakaan', 'bukan kecelakaan kerja', 'bukan karena kecelakaan kerja', 'tidak karena kecelakaan',
    'bukan pas kerja', 'bukan saat kerja', 'bukan waktu kerja', 'bukan karena kerja',
    'meninggal biasa', 'meninggal wajar', 'meninggal karena sakit', 'meninggal sakit', 'mati biasa',
    'not an accident', 'not a work accident', 'not from an accident', 'not work related', 'natural causes', 'natural death', 'died of illness', 'died from illness',
  ],
  daftar: ['mendaftar', 'pendaftaran', 'register', 'registration', 'enrol', 'enroll', 'enrolment', 'enrollment', 'join', 'gabung', 'sign up', 'signup', 'jadi peserta', 'ikut bpjs'],
  // Requirements are, in what people ask here, the papers to bring.
  dokumen: ['berkas', 'document', 'documents', 'kelengkapan', 'paperwork', 'papers', 'syarat', 'persyaratan', 'requirement', 'requirements', 'ketentuan'],
  kecelakaan: ['accident', 'accidents', 'injury', 'injuries', 'injured', 'hurt', 'got hurt', 'broke a bone', 'broken bone', 'broke my', 'broken leg', 'broken arm', 'fracture', 'fractured', 'luka', 'celaka', 'jatuh', 'tabrakan', 'ketabrak', 'nabrak', 'kecelakaan lalu lintas'],
  keluarga: ['family', 'ahli waris', 'waris', 'heir', 'heirs', 'istri', 'suami', 'wife', 'husband'],
  anak: ['children', 'child', 'kids', 'kid', 'son', 'daughter'],
  beasiswa: ['scholarship', 'scholarships', 'biaya sekolah', 'education'],
  pensiun: ['pension', 'pensions', 'retirement', 'retire', 'retired'],
  jht: ['jaminan hari tua', 'hari tua', 'old age', 'old age savings', 'tabungan hari tua'],
  kerja: ['work', 'working', 'job', 'kerjaan', 'pekerjaan'],
  ojek: ['kurir paket', 'antar paket', 'anter paket', 'kirim paket', 'ojek online', 'sopir', 'supir', 'kurir', 'courier', 'driver', 'taksi', 'angkot', 'ride hailing', 'narik', 'ngojek', 'ngojol'],
  jatuhtempo: ['jatuh tempo', 'due date', 'batas bayar', 'batas waktu bayar', 'tenggat', 'deadline'],
  murah: ['termurah', 'paling murah', 'cheapest', 'cheap', 'paling kecil', 'minimum', 'minimumnya', 'terendah iuran', 'iuran minimal', 'minimal iuran', 'bayar minimal', 'minimal bayar', 'paling sedikit', 'minimum contribution', 'lowest contribution'],
  tanpahp: ['tidak punya hp', 'tanpa hp', 'tidak ada hp', 'tidak pakai hp', 'hp jadul', 'gaptek', 'no smartphone', 'without a smartphone', 'without a phone', 'no phone'],
  paket: ['plan', 'package', 'paketnya'],
  cek: ['check', 'periksa', 'lihat status', 'liat status', 'cekin'],
  kabari: ['tiap ada update', 'setiap ada update', 'kalau ada update', 'tiap ada info', 'setiap ada info', 'kabarkan', 'notif', 'notifikasi', 'notify', 'pemberitahuan', 'updates'],
  website: ['web', 'webnya', 'situs', 'situsnya', 'site', 'laman', 'online portal'],
  kartu: ['card', 'cards'],
  ingat: ['reminder', 'reminders', 'remind', 'reminding', 'kasih tau tiap bulan', 'kasih tahu tiap bulan', 'kabari tiap bulan', 'kabarin tiap bulan'],
  privasi: ['privacy', 'private', 'rahasia', 'kerahasiaan'],
  identitas: ['data diri', 'identity', 'identitasnya'],
  hapus: ['delete', 'deleted', 'deleting', 'remove', 'removed', 'erase', 'erased'],
  simpan: ['store', 'stored', 'stores', 'keep', 'kept', 'saved'],
  hilang: ['lost', 'lose', 'missing', 'ilang', 'raib'],
  lupa: ['forgot', 'forget', 'forgotten', 'forgetting'],
  password: ['kata sandi', 'pin'],
  akun: ['account', 'accounts', 'login', 'log in', 'masuk aplikasi'],
  // Behind on payments *while* something happens: the state, as the question about cover while inactive asks it.
  nonaktif: [
    'inactive', 'lapsed', 'lapse', 'expired', 'tidak aktif', 'mati',
    'lagi tunggak', 'sedang tunggak', 'pas tunggak', 'waktu tunggak', 'saat tunggak', 'masih tunggak', 'pas lagi tunggak',
    'lagi tidak bayar', 'pas tidak bayar', 'belum bayar iuran terus', 'while in arrears', 'behind on payments',
  ],
  aktiflagi: ['ngaktifin lagi', 'ngaktifin kembali', 'ngaktifkan lagi', 'mengaktifkan lagi', 'mengaktifkan kembali', 'aktifkan ulang', 'aktif lagi', 'aktif kembali', 'diaktifkan lagi', 'diaktifin lagi', 'aktifkan lagi', 'aktifin lagi', 'diaktifkan kembali', 'diaktifin kembali', 'aktifin kembali', 'aktifkan kembali', 'hidupkan lagi', 'active again', 'reactivate', 'reaktivasi'],
  aktif: ['active', 'activated', 'berlaku'],
  // Making active (what someone inactive asks), apart from being active (what a status check asks).
  aktifkan: ['diaktifkan', 'diaktifin', 'aktifin', 'aktifinnya', 'aktifkan', 'mengaktifkan', 'ngaktifin', 'ngaktifinnya', 'ngaktifkan', 'activate'],
  kantor: ['office', 'offices', 'cabang', 'branch', 'kantor cabang'],
  alamat: ['address', 'lokasi', 'location', 'letak'],
  callcenter: ['call center', 'call centre', 'cs', 'customer service', 'hotline', 'contact center', 'layanan pelanggan'],
  keluhan: ['complaint', 'complain', 'ngadu', 'mengadu', 'aduan', 'pengaduan', 'komplain'],
  iuran: ['contribution', 'contributions', 'premi', 'premium', 'fee', 'fees', 'dues'],
  diskon: ['discount', 'potongan', 'keringanan', 'relief', 'subsidi', 'dipotong', 'motong', 'cut by half', 'half price', 'half off', 'halved', 'separuh harga', 'setengah harga'],
  penghasilan: ['income', 'upah bulanan'],
  peserta: ['participant', 'participants', 'member', 'members', 'anggota', 'terdaftar', 'registered', 'enrolled'],
  cakupan: ['coverage', 'covered'],
  penghargaan: ['award', 'awards', 'anugerah', 'trofi', 'piala', 'trophy', 'prize'],
  juara: ['winner', 'winners', 'won', 'win', 'menang', 'pemenang', 'jawara', 'terbaik', 'daftar pemenang', 'daftar juara', 'daftar penerima'],
  kategori: ['category', 'categories', 'jenis'],
  kriteria: ['criteria', 'criterion', 'indikator', 'syarat menang'],
  perusahaan: ['company', 'companies', 'employer', 'pemberi kerja', 'firm', 'badan usaha'],
  perusahaansaya: ['hrd', 'hr', 'personalia', 'perusahaan saya', 'perusahaan kami', 'my company', 'our company', 'kantor saya', 'kantor kami', 'pt saya', 'pt kami', 'usaha saya', 'usaha kami'],
  aplikasi: ['application'],
  jmo: ['jamsostek mobile', 'jmo app'],
  ewallet: ['gopay', 'ovo', 'linkaja', 'shopeepay', 'e wallet', 'dompet digital', 'dompet elektronik'],
  gerai: ['indomaret', 'alfamart', 'alfamidi', 'minimarket', 'ritel', 'retail', 'toko', 'warung', 'ppob', 'loket'],
  bulan: ['month', 'months', 'monthly', 'bulanan'],
  kesehatan: ['health', 'rumah sakit', 'hospital', 'berobat', 'rs', 'puskesmas'],
  // The other agency by name, and what only it runs: its questions go to the entry that tells the two apart.
  bpjskesehatan: ['bpjs kesehatan', 'bpjs health', 'bpjs healthcare', 'faskes', 'kartu kesehatan', 'fasilitas kesehatan', 'kartu kis', 'kartu jkn', 'jkn kis', 'kis', 'jkn'],
  // Thanks, and saying the answer helped.
  terimakasih: ['terima kasih', 'sangat membantu', 'membantu sekali', 'membantu banget', 'cukup membantu', 'thank you', 'very helpful', 'that helps', 'that helped', 'helpful'],
  // Loans are no topic of the bot's; one word for them, so that its examples of them hold together.
  pinjol: ['pinjaman online', 'pinjam online', 'online loan', 'online loans', 'loan app'],
  // A trade says who asks, seldom what: one word for all, so none outweighs the question.
  profesi: [
    'petani', 'nelayan', 'pedagang', 'dagang', 'berdagang', 'jualan', 'jual', 'penjual', 'pkl', 'tukang', 'buruh', 'peternak', 'pekebun',
    'penjahit', 'pengrajin', 'seniman', 'art', 'pembantu', 'asisten rumah tangga', 'marbot', 'guru ngaji', 'pemulung', 'kuli',
    'melaut', 'nanny', 'sells', 'sell', 'selling', 'pasar', 'market', 'farmer', 'farmers', 'fisherman', 'fishermen', 'trader', 'traders', 'vendor', 'street vendor', 'seller', 'housekeeper', 'maid', 'tailor', 'artist', 'labourer', 'laborer',
  ],
  bpu: ['tidak punya bos', 'tanpa bos', 'tidak ada bos', 'no boss', 'my own boss', 'kerja sendiri', 'usaha sendiri', 'bayar sendiri', 'iuran sendiri', 'lanjut sendiri', 'dilanjut sendiri', 'bukan penerima upah', 'pekerja informal', 'informal', 'mandiri', 'freelance', 'freelancer', 'pekerja lepas', 'self employed'],
  resign: ['quit', 'berhenti kerja', 'phk', 'dipecat', 'laid off', 'keluar kerja', 'keluar dari kerjaan', 'resigned'],
  lanjut: ['continue', 'lanjutkan', 'meneruskan', 'diterusin', 'terusin', 'keep'],
  gabung: ['merge', 'digabung', 'gabungkan', 'satukan', 'disatukan', 'satuin', 'disatuin', 'nyatuin', 'nyatuinnya', 'jadi satu', 'combine'],
  saldo: ['balance', 'dana jht'],
  manfaat: [
    'benefit', 'benefits', 'keuntungan', 'santunan', 'dapat apa',
    'what do i get', 'what would i get', 'what will i get', 'what can i get', 'what does it cover', 'what is covered', 'what do they pay', 'what will they pay',
  ],
  persen: ['percent', 'persentase', 'percentage', 'prosen'],
  agen: ['agent', 'agents'],
  desa: ['village', 'villages', 'dana desa', 'apbdes'],
  pemda: ['pemerintah daerah', 'local government', 'apbd', 'pemkab', 'pemkot', 'pemprov'],
};

/**
 * Words that carry no topic: they are dropped before answers are ranked. The Indonesian and
 * English lists of stopwords-iso with this project's own, less the words of SYNONYMS and
 * QUESTION_MARKERS and the few others that ask something here ("sebagian", "keluar").
 */
const ISO_LISTS = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>;

/** Every grammar word, question words included ("bisa", "kapan"): what follows "desa" is no name if it is one. */
export const GRAMMAR_WORDS: ReadonlySet<string> = new Set([...(ISO_LISTS.id ?? []), ...(ISO_LISTS.en ?? []), ...OWN_STOPWORDS]);

export const STOPWORDS: ReadonlySet<string> = (() => {
  const lists = ISO_LISTS;
  const keep = new Set([
    ...Object.keys(SYNONYMS),
    ...QUESTION_MARKERS.map((m) => m.words),
    ...'work old job jp keluar sebagian sekaligus pertama kedua berturut berakhir web online resmi thanks thank thx cheers'.split(' '),
  ]);
  return new Set([...(lists.id ?? []), ...(lists.en ?? []), ...OWN_STOPWORDS].filter((w) => !keep.has(w)));
})();
