import { table } from './entry';

/**
 * The long tail of Syrian and Iraqi given names. Real registers hold hundreds of distinct given
 * names per tradition; these follow the curated, most common ones in rank order.
 */
export const ARABIC_MALE_TAIL = table(`
Abdulhamid|عبد الحميد|Abd al-Hamid|Abdelhamid
Abdulmajid|عبد المجيد|Abdelmajid|Abdul Majeed
Abdulqadir|عبد القادر|Abdulkader|Abdelkader
Abdulsalam|عبد السلام|Abdessalam|Abdul Salam
Abdulrazzaq|عبد الرزاق|Abdulrazak|Abdel Razek
Abdulwahab|عبد الوهاب|Abdelwahab|Abdul Wahab
Abdulhadi|عبد الهادي|Abdelhadi
Abdulghani|عبد الغني|Abdelghani
Abdullatif|عبد اللطيف|Abdellatif|Abdul Latif
Abdulmalik|عبد الملك|Abdelmalek
Abdulnasser|عبد الناصر|Abdel Nasser
Abdulhakim|عبد الحكيم|Abdelhakim
Abdulrahim|عبد الرحيم|Abdelrahim
Abdulbasit|عبد الباسط|Abdelbaset
Abdulfattah|عبد الفتاح|Abdelfattah
Abduljabbar|عبد الجبار|Abdul Jabbar
Abdulsattar|عبد الستار|Abdul Sattar
Abdulhalim|عبد الحليم|Abdelhalim
Abdulwahid|عبد الواحد|Abdelwahed
Abdulmunem|عبد المنعم|Abdelmonem
Adel|عادل|Adil
Adham|أدهم|Adhem
Akram|أكرم|Akrem
Amjad|أمجد|Amdjad
Amin|أمين|Ameen
Amer|عامر|Aamer
Anwar|أنور|Anouar
Arif|عارف|Aref
Asaad|أسعد|Asad|Assaad
Ashraf|أشرف|Ashref
Atef|عاطف|Atif
Ayham|أيهم|Aiham
Ayoub|أيوب|Ayub|Ayyub
Azzam|عزام|Azam
Badr|بدر|Bader
Bahaa|بهاء|Baha
Bakr|بكر|Baker
Basel|باسل|Basil
Bassam|بسام|Basam
Basem|باسم|Basim
Dawood|داود|Dawud|Daoud
Diab|دياب|Dyab
Emad|عماد|Imad
Fadel|فاضل|Fadil
Fahad|فهد|Fahd
Faisal|فيصل|Faysal
Fawaz|فواز|Fawwaz
Fayez|فايز|Faiz
Fouad|فؤاد|Fuad
Ghaith|غيث|Ghayth
Hadi|هادي|Hady
Hakim|حكيم|Hakeem
Hamad|حمد|Hammad
Hamid|حامد|Hamed
Hani|هاني|Hany
Harith|حارث|Hareth
Hatem|حاتم|Hatim
Hazem|حازم|Hazim
Hisham|هشام|Hesham
Husam|حسام|Hussam|Hosam
Ihab|إيهاب|Ehab
Ismail|إسماعيل|Ismael|Esmail
Issa|عيسى|Isa|Eissa
Jalal|جلال|Djalal
Jawad|جواد|Jawwad
Jihad|جهاد|Jehad
Qais|قيس|Kais|Qays
Kinan|كنان|Kenan
Laith|ليث|Leith|Layth
Loay|لؤي|Louai|Luay
Luqman|لقمان|Lokman
Maher|ماهر|Mahir
Malek|مالك|Malik
Mamdouh|ممدوح|Mamduh
Moataz|معتز|Mutaz|Motaz
Mohsen|محسن|Muhsin
Munther|منذر|Monther|Mundhir
Muaz|معاذ|Mouaz|Moaz
Mounir|منير|Munir
Murad|مراد|Mourad
Naim|نعيم|Naeem
Nawaf|نواف|Nawwaf
Nidal|نضال|Nedal
Obaida|عبيدة|Ubaida|Obeida
Qutaiba|قتيبة|Kutaiba|Qutayba
Radwan|رضوان|Ridwan
Rafat|رأفت|Raafat
Rakan|راكان|Rakkan
Ramez|رامز|Ramiz
Riad|رياض|Riyad|Riyadh
Saad|سعد|Sad
Sabri|صبري|Sabry
Sadiq|صادق|Sadek
Safwan|صفوان|Safouan
Sakher|صخر|Sakhr
Sultan|سلطان|Soltan
Suhail|سهيل|Suhayl|Sohail
Talal|طلال|Tallal
Taha|طه|Tahaa
Tawfiq|توفيق|Tawfik|Toufik
Wassim|وسيم|Wasim|Waseem
Yahya|يحيى|Yehia|Jahja
Yazan|يزن|Jazan
Younes|يونس|Yunus|Younis
Zakaria|زكريا|Zakariya|Sakaria
Zuhair|زهير|Zouhair|Zuhayr
Aws|أوس|Aus
Hayan|حيان|Hayyan
Ghazi|غازي|Ghazy
Humam|همام|Hammam
Jad|جاد|Jaad
Khalil|خليل|Chalil|Halil
Milad|ميلاد|Meelad
Moayad|مؤيد|Muayad|Moaiad
Nadim|نديم|Nadeem
Nabhan|نبهان|Nabhaan
Omran|عمران|Imran
Qusai|قصي|Kusai|Qusay
Raad|رعد|Rad
Rabie|ربيع|Rabih|Rabi
Saif|سيف|Sayf|Seif
Shadi|شادي|Chadi|Schadi
Sufian|سفيان|Sofian|Soufiane
Tayseer|تيسير|Taisir
Wajih|وجيه|Wajeeh
Yaman|يمان|Jaman
Husni|حسني|Hosni
Kifah|كفاح|Kefah
Naji|ناجي|Nadji
Salman|سلمان|Selman
Shukri|شكري|Shukry
Wisam|وسام|Wesam
Yasin|ياسين|Yassin|Jassin
Hamdi|حمدي|Hamdy
Fathi|فتحي|Fathy
Khidr|خضر|Kheder|Khodr
Mufid|مفيد|Moufid
`);

export const ARABIC_FEMALE_TAIL = table(`
Abeer|عبير|Abir
Afraa|عفراء|Afra
Ahlam|أحلام|Achlam
Alia|عالية|Aliya|Aaliya
Amani|أماني|Amany
Arwa|أروى|Arva
Aseel|أسيل|Asil
Ayat|آيات|Ayaat
Bayan|بيان|Baian
Bisan|بيسان|Baisan
Dalal|دلال|Dalaal
Duaa|دعاء|Doaa|Dua
Farah|فرح|Farrah
Fadwa|فدوى|Fadua
Ghazal|غزل|Gazal
Hadeel|هديل|Hadil
Hala|هالة|Halah
Hanadi|هنادي|Hanady
Haya|هيا|Haja
Hayat|حياة|Hajat
Hind|هند|Hend
Ibtisam|ابتسام|Ebtisam
Inas|إيناس|Enas
Israa|إسراء|Esraa|Isra
Jamila|جميلة|Djamila|Jameela
Jana|جنى|Janaa
Jumana|جمانة|Joumana
Kawthar|كوثر|Kausar|Kawsar
Lama|لمى|Lamaa
Lamia|لمياء|Lamya
Lubna|لبنى|Loubna
Lujain|لجين|Lujayn
Majd|مجد|Madjd
Malak|ملاك|Malaak
Manal|منال|Manaal
Maha|مها|Mahaa
Maysa|ميساء|Maissa
Mayada|ميادة|Mayyada
Mona|منى|Muna
Nada|ندى|Nadaa
Najwa|نجوى|Nadjwa
Nawal|نوال|Nawaal
Nuha|نهى|Noha
Rana|رنا|Ranaa
Randa|رندة|Randah
Rawan|روان|Rawaan
Razan|رزان|Rasan
Rima|ريما|Reema
Ruba|ربى|Roba
Ruqaya|رقية|Rukaya|Roqaya
Sabah|صباح|Sabaah
Sahar|سحر|Sahhar
Salma|سلمى|Selma
Sanaa|سناء|Sana
Sawsan|سوسن|Sausan
Shaimaa|شيماء|Schaima|Shaima
Siham|سهام|Seham
Suha|سهى|Soha
Sumaya|سمية|Somaya
Tasneem|تسنيم|Tasnim
Wiam|وئام|Weam
Yara|يارا|Jara
Yusra|يسرى|Yousra
Zeina|زينة|Zaina|Zeena
Kholoud|خلود|Khulud|Chulud
Ghufran|غفران|Ghofran
Haneen|حنين|Hanin
Marwa|مروة|Marua
Nermin|نرمين|Nermeen
Raneem|رنيم|Ranim
Sidra|سدرة|Sedra
Taghreed|تغريد|Taghrid
Widad|وداد|Wedad
Aya|آية|Aja
Dunya|دنيا|Donia|Dunia
Intisar|انتصار|Entisar
Latifa|لطيفة|Latefa
Maysoon|ميسون|Maysun
Nahla|نهلة|Nahlaa
Wasan|وسن|Wassan
`);
