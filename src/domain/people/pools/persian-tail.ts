import { table } from './entry';

/**
 * The long tail of Afghan and Iranian given names, including the compounds Afghan records carry:
 * -ullah (Asadullah), -uddin (Nizamuddin), Mohammad-… , Ghulam-… and Abdul-… .
 */
export const PERSIAN_MALE_TAIL = table(`
Asadullah|اسدالله|Asad Ullah|Asadulla
Hayatullah|حیات‌الله|Hayat Ullah|Hayatulla
Ziaullah|ضیاءالله|Zia Ullah|Ziaulla
Aminullah|امین‌الله|Amin Ullah|Aminulla
Ihsanullah|احسان‌الله|Ehsanullah|Ihsan Ullah
Inayatullah|عنایت‌الله|Enayatullah|Inayat Ullah
Obaidullah|عبیدالله|Ubaidullah|Obaid Ullah
Habibullah|حبیب‌الله|Habib Ullah|Habibulla
Khairullah|خیرالله|Khair Ullah|Khairulla
Safiullah|صفی‌الله|Safi Ullah|Safiulla
Saifullah|سیف‌الله|Saif Ullah|Sayfullah
Nasrullah|نصرالله|Nasr Ullah|Nasrulla
Rahimullah|رحیم‌الله|Rahim Ullah
Sibghatullah|صبغت‌الله|Sebghatullah
Wahidullah|وحیدالله|Wahid Ullah
Azizullah|عزیزالله|Aziz Ullah|Azizulla
Hikmatullah|حکمت‌الله|Hekmatullah|Hikmat Ullah
Lutfullah|لطف‌الله|Lotfullah
Mohibullah|محب‌الله|Muhibullah
Noorullah|نورالله|Nurullah|Noor Ullah
Rafiullah|رفیع‌الله|Rafi Ullah
Shafiullah|شفیع‌الله|Shafi Ullah
Atiqullah|عتیق‌الله|Atiq Ullah
Fazlullah|فضل‌الله|Fazl Ullah
Karimullah|کریم‌الله|Karim Ullah
Nizamuddin|نظام‌الدین|Nezamuddin|Nizamudin
Jalaluddin|جلال‌الدین|Djalaluddin|Jalaludin
Shamsuddin|شمس‌الدین|Shamsudin|Schamsuddin
Alauddin|علاءالدین|Alaudin|Alaoddin
Bahauddin|بهاءالدین|Bahaudin
Qutbuddin|قطب‌الدین|Kutbuddin
Fakhruddin|فخرالدین|Fakhrudin
Nasiruddin|نصیرالدین|Nasirudin
Sirajuddin|سراج‌الدین|Serajuddin
Mohammad Nabi|محمد نبی|Muhammad Nabi|Mohammad-Nabi
Mohammad Reza|محمد رضا|Mohammad-Reza|Mohamad Reza
Mohammad Ali|محمد علی|Muhammad Ali|Mohammad-Ali
Mohammad Hossein|محمد حسین|Mohammad Hussain|Mohammad-Hossein
Mohammad Karim|محمد کریم|Muhammad Karim
Mohammad Yusuf|محمد یوسف|Mohammad Yousuf|Muhammad Yusuf
Mohammad Ishaq|محمد اسحاق|Mohammad Ishak
Mohammad Daud|محمد داود|Mohammad Dawood
Mohammad Zaher|محمد ظاهر|Mohammad Zahir
Mohammad Naim|محمد نعیم|Mohammad Naeem
Ghulam Sakhi|غلام سخی|Gholam Sakhi|Gulam Sakhi
Ghulam Haidar|غلام حیدر|Gholam Heidar
Ghulam Rasul|غلام رسول|Gholam Rasool
Ghulam Nabi|غلام نبی|Gholam Nabi
Ghulam Farooq|غلام فاروق|Gholam Faruq
Abdul Wahid|عبدالواحد|Abdulwahid|Abdul Waheed
Abdul Karim|عبدالکریم|Abdulkarim|Abdul Kareem
Abdul Hadi|عبدالهادی|Abdulhadi
Abdul Basir|عبدالبصیر|Abdulbasir|Abdul Baseer
Abdul Hamid|عبدالحمید|Abdulhamid
Abdul Jalil|عبدالجلیل|Abduljalil
Abdul Malik|عبدالملک|Abdulmalik
Abdul Samad|عبدالصمد|Abdussamad
Abdul Wali|عبدالولی|Abdulwali
Abdul Aziz|عبدالعزیز|Abdulaziz
Aziz|عزیز|Azeez
Asad|اسد|Assad
Amin|امین|Ameen
Anwar|انور|Anvar
Arif|عارف|Aref
Bahram|بهرام|Bahraam
Basir|بصیر|Baseer
Daud|داود|Dawood|Dawud
Ehsan|احسان|Ihsan
Aimal|ایمل|Emal
Faisal|فیصل|Faysal
Fawad|فواد|Fuad
Firooz|فیروز|Firoz|Feroz
Ghaffar|غفار|Ghafar
Haroon|هارون|Harun|Haroun
Hashmat|حشمت|Heshmat
Hedayat|هدایت|Hidayat
Iqbal|اقبال|Eqbal
Ismail|اسماعیل|Esmail|Ismael
Jamshid|جمشید|Djamshid|Jamsheed
Kabir|کبیر|Kabeer
Khalil|خلیل|Chalil
Latif|لطیف|Lateef
Mahmood|محمود|Mahmud
Mirwais|میرویس|Mirways
Mujib|مجیب|Mujeeb
Murad|مراد|Morad
Mustafa|مصطفی|Mostafa
Nabi|نبی|Nabee
Naeem|نعیم|Naim
Nazir|نذیر|Nazeer
Nemat|نعمت|Nimat
Parwiz|پرویز|Parviz|Perwiz
Qais|قیس|Kais
Rafi|رفیع|Rafee
Rahmat|رحمت|Rachmat
Rashid|رشید|Rasheed
Sabir|صابر|Saber
Sadiq|صادق|Sadegh|Sadeq
Sakhi|سخی|Sakhee
Shahram|شهرام|Schahram
Shahid|شهید|Shaheed
Sharif|شریف|Scharif
Shoaib|شعیب|Shuaib
Sulaiman|سلیمان|Soleiman|Suleiman
Tamim|تمیم|Tameem
Wali|ولی|Vali
Yama|یما|Jama
Yasin|یاسین|Yassin
Yunus|یونس|Younes
Zaher|ظاهر|Zahir
Zalmai|زلمی|Zalmay
Ajmal|اجمل|Adjmal
Akbar|اکبر|Akbar
Hamza|حمزه|Hamzah
Hasan|حسن|Hassan
Jafar|جعفر|Djafar|Jaafar
Kamran|کامران|Kamraan
Mehrdad|مهرداد|Mehrdaad
Pouya|پویا|Puya
Ramin|رامین|Rameen
Saman|سامان|Samaan
Siavash|سیاوش|Siawash
Yaser|یاسر|Yasir
Ashkan|اشکان|Aschkan
Behnam|بهنام|Behnaam
Hadi|هادی|Hady
Kourosh|کوروش|Kurosh
Payam|پیام|Pajam
Peyman|پیمان|Payman
Soroush|سروش|Sorush
Taher|طاهر|Tahir
Farshid|فرشید|Farsheed
Hesam|حسام|Hessam
`);

export const PERSIAN_FEMALE_TAIL = table(`
Aziza|عزیزه|Azize
Bibi Gul|بی بی گل|Bibi-Gul
Breshna|برشنا|Breschna
Donya|دنیا|Dunya
Fahima|فهیمه|Fahimeh
Farida|فریده|Farideh
Fatana|فتانه|Fattana
Fawzia|فوزیه|Fauzia
Gulalai|گلالی|Gulalay
Gulnaz|گلناز|Gulnas
Halima|حلیمه|Halimeh
Hamida|حمیده|Hamideh
Homa|هما|Huma
Jamila|جمیله|Jamileh|Djamila
Karima|کریمه|Karimeh
Lailuma|لیلما|Lailoma
Latifa|لطیفه|Latifeh
Mahnaz|مهناز|Mahnas
Malalai|ملالی|Malalay
Maliha|ملیحه|Malihe
Mursal|مرسل|Morsal
Nadia|نادیه|Nadiya
Nafisa|نفیسه|Nafiseh
Nasrin|نسرین|Nasreen
Nazifa|نظیفه|Nazife
Nooria|نوریه|Nuria
Pari|پری|Paree
Parwana|پروانه|Parvaneh
Rabia|رابعه|Rabea
Rahima|رحیمه|Rahimeh
Razia|رضیه|Raziyeh
Rukhsar|رخسار|Ruksar
Sadia|سعدیه|Saadia
Sahar|سحر|Sachar
Saleha|صالحه|Salehe
Sediqa|صدیقه|Sedigheh|Siddiqa
Setara|ستاره|Setareh|Sitara
Shakila|شکیله|Schakila
Shamsia|شمسیه|Shamsiya
Sharifa|شریفه|Scharifa
Sima|سیما|Seema
Sughra|صغری|Soghra
Tahira|طاهره|Tahereh
Wahida|وحیده|Vahideh
Yalda|یلدا|Jalda
Zahida|زاهده|Zahideh
Zarghuna|زرغونه|Zarghona
Zarifa|ظریفه|Zarifeh
Zohra|زهره|Zuhra|Zohreh
Atefa|عاطفه|Atefeh
Bahar|بهار|Bahaar
Elaha|الهه|Elahe
Golnar|گلنار|Gulnar
Hosna|حسنا|Husna
Kobra|کبری|Kubra
Mahtab|مهتاب|Mahtaab
Manizha|منیژه|Manijeh
Mozhgan|مژگان|Mojgan
Nahid|ناهید|Naheed
Sanam|صنم|Sannam
Shahla|شهلا|Schahla
Soheila|سهیلا|Suhaila
Tamana|تمنا|Tamanna
Zakia|ذکیه|Zakiya
`);
