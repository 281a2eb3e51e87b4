"""Common first names across the communities of the UK, written from general knowledge, not the data."""

FIRST_NAMES = frozenset(
    """
    aamir aarav aaron abbie abby abdul abdullah abena abhishek abigail abu ada adam adams ade adebayo adel
    adele adeola adil aditi adrian afzal agnes agnieszka ahmad ahmed aidan aiden aileen aisha ajay akua alan
    alana alasdair albert alec aled aleksandra alex alexander alexandra alexis alf alfie alfred ali alice
    alicia alina alison alistair allan ally alma ama amaka amanda amani amara amber amelia amina amir amit
    amrit amy ana anand andrea andrei andrew andrzej andy angela angie anh anil anita anjali ann anna anne
    annette annie anthony antonio anwar aoife april archie arif arjun arlene arnold arthur arun asha ashley
    asif aslam asma audrey austin ava avril ayaan aziz babs bakhtiar baljit balvinder barbara barry bartosz
    basil baz bea beatrice becky belinda ben benjamin bernard bernie beryl bessie beth bethany betty bev
    beverley bill billy blessing bob bobby bogdan brandon brenda brendan brian bridget bronwen brooke bruce
    bryan callum cameron carl carla carlos carmel carmen carol caroline carolyn carrie cath catherine cathy
    catriona cecil cerys charlene charles charlie charlotte chelsea chen cheryl chinedu chioma chipo chloe
    chris chrissie christian christina christine christopher ciara ciaran cindy claire clara clare clarence
    claudette claudia cliff clifford clive colin connie connor conor craig cyril dafydd daisy dale damian
    damien dan dana daniel danielle danny darren daryl dave david dawn dean debbie deborah declan dee deepa
    deepak del delroy denis denise dennis derek des desmond dev devinder diana diane diego dilys dina dolly
    dolores dominic don donald donna dora doreen doris dorota dorothy dot doug douglas duncan dylan eamon ed
    eddie edith edna edward edwin eileen eilidh eira elaine eleanor elena eli elizabeth ella ellen ellie
    elsie emeka emily emma emrys enid eric erin ernest ernie errol esi esther ethel eugene eunice eva evan
    eve evelyn ewan faisal faith faizan farah farai farhan farooq fatima fay femi fergus finn fiona florence
    florin frances francesca francis frank fred freda freddie frederick funmi gail gareth gary gavin gaz
    gemma gene geoff geoffrey george georgia gerald geraldine gerry gethin ghulam gill gillian gina giovanni
    giuseppe gladys glen glenda glenn gloria gordon grace graham grainne grant greg gregory grzegorz
    gurpreet gwen gwyneth hafsa hamish hamza hannah harold harpreet harriet harry harvey hassan hayley hazel
    heather helen henry herbert hilary hilda hina holly howard hugh hui hussain huw iain ian ibrahim ida
    ieuan ifeoma imran ina inderjit ioana irena irene irfan iris isaac isabel isabella isla isobel ivan ivy
    iwan jack jackie jacob jacqueline jade jake jakub james jamie jan jane janet janice jasbir jasmine jason
    jaswinder javed javier jay jayne jean jeanette jeff jen jenny jeremy jess jessica jill jim jimmy jin jo
    joan joanna joanne jodie joe joel john johnny jon jonathan jordan jose joseph josephine josh joshua joy
    joyce juan judith judy julia julian julie junaid june justin kamal kamaljit karen karim kashif katarzyna
    kate katherine kathleen kathryn kathy katie kay keith kelly kemi ken kenneth kerry kev kevin khadija
    khalid kieran kim kirsteen kirsty kofi krzysztof kuldip kwame kwesi kyle lara laura lauren lawrence leah
    lee leon leonard leroy les lesley leslie lewis li liam lilian lily linda lindsay linh lisa liz lizzie
    lloyd llyr logan lois lorna lorraine louis louise lucia lucy luis luke lydia lyn lynda lynn lynne
    madeleine maeve magda maggie mahmood malgorzata mandy manjit manuel marcia marco marcus margaret maria
    marian marie marilyn marion mark marlene marta martha martin martyn mary maryam mason matt matthew
    maureen mavis max maxine may meena megan mehmet mei meirion mel melanie melissa michael michal michelle
    mick mihai mike mildred millie minh mohamed mohammad mohammed mohinder molly mona monica morag muhammad
    murdo muriel myra nadia naomi nasreen natalie natasha nathan navdeep nazia neelam neil nell nellie ngozi
    nia nicholas nick nicky nicola nigel nina nkechi noah noel nora norah norma norman obi oisin oksana
    olena olga olive oliver olivia omar oscar owain owen pablo paddy padraig pam pamela paolo parminder
    parveen pat patricia patrick paul paula pauline pearl peggy penny percy pete peter phil philip philippa
    phyllis piotr pippa polly pooja prakash pritpal rachel radu rafiq rahul raj rajesh rajinder ralph ranjit
    rashid ravi ray raymond rebecca reg reginald rekha rhian rhiannon rhys richard rita rob robbie robert
    robin rodney roger roisin ron ronald ronan ronnie rory rosa rose rosemary ross roy rubina ruby rupinder
    russell ruth ryan sadia sadie saeed sajid sally salma sam samantha samina samuel sandra sanjay saoirse
    sara sarah satnam seamus sean selina sergei shabana shahid shane shanice shanti sharon shaun shazia
    sheila shelley sheryl shirley sian sid sidney simon sinead sipho siân sofia sohail sonia sophie stacey
    stan stanislaw stanley stella stephanie stephen steve steven stewart stuart sue sukhwinder sunil
    surinder susan suzanne svetlana sybil sylvia tahir tanya tara tatiana ted tejinder temi tendai teresa
    terry tess thandiwe thanh thelma themba theo theresa thomas tim timothy tina toby tom tomasz tommy toni
    tony tracey tracy trevor tunde tyrone una usha uzma valerie vanessa vasile vera veronica vic vicky
    victor victoria vijay vince vincent violet vivian vlad wasim wayne wei wendy wilfred will william willie
    winifred winnie winston yasmin yaw yemi ying yusuf yvonne zach zahid zainab zara zbigniew zoe zofia
    zubair
    """.split()
)

# More first names from naming traditions outside the English one (West, East and Southern African, Somali, South
# Asian, Middle Eastern, Turkish, Chinese, Japanese, Vietnamese, Polish, Ukrainian, Romanian, Welsh, Scottish Gaelic,
# Irish, Caribbean), also from general knowledge: a name from the list needs less context than an unknown word.
FIRST_NAMES = FIRST_NAMES | frozenset(
    """
    aarti abdi abdirahman abdullahi abimbola achieng adaeze adaora adebola adedayo adeyemi aditya adjoa adnan
    adwoa afia afua agata ahmet ailsa aisling akash akiko akinyi akosua alun amarjit amira andriy angharad ankit
    aoibhinn arash arvind asad ashok ayan ayanda ayodele ayse babajide balbir bashir beata bethan bilal bisi
    bongani bozena burak bushra caitriona calum caoimhe carys cathal cerian chanel chiamaka chidi chidimma
    chidinma chijioke chinonso chinwe chukwudi chukwuemeka cian clodagh cristian dalia daljit daniela danuta
    dariush dariusz deepika delyth dervla dewi dinesh divya dmytro donal dwayne ebere efua eimear eirlys ekene
    eleri elif elin elzbieta emine emre emyr enitan eoin euan ewa faduma fadumo fahad farhiya farzana fatemeh
    fatma ffion fiachra fionnuala florentina folake folasade fraser funke funmilayo ganesh gbenga gheorghe glyn
    gopal grazyna gruffydd gurdeep gurmeet gwenllian gwilym hakan hala halina hamdi hamid hanan hardeep harish
    harjit haroon harpal haruto hatice hefin heulwen hibo hiroshi hodan huda humaira huong hussein hyun hywel
    idil idris ifeanyi ijeoma ikenna ikran innes iolo iona ionela ionut iqra iryna ishaan ishbel islwyn jadwiga
    jagdeep jagdish jamal janina jaspreet jawad jermaine jian jing jisoo jiwoo jolanta justyna kamau kamran
    kasia kausar kavita kazimierz kehinde keiko keisha kenji kenna khadra khaled kiran kishore kojo krishna
    krystyna kudzai kulwinder kwabena kwadwo kwaku kwasi lachlan laila lakshmi layla lerato liang lina ling
    llinos llywelyn lowri mahesh mahmoud mairi mali mandla manoj manpreet marek mariam mariusz marlon meera
    mehwish meiling meinir mererid mhairi mihaela minjun monika morgan morven mukesh muna murat murdina mustafa
    mykola nabil nadeem naoko naresh nasima natalia naveed navjot neha nerys nesta neville nguyen niamh nicoleta
    nimco nisha nitin njeri nkechinyere nnamdi nokuthula nomvula noor nour nusrat nyasha obinna oisín olamide
    olha olufemi olumide oluwadamilare oluwaseun oluwatobi orla osian otieno palesa pankaj parmjit pawel phuong
    pradeep preeti priya przemek qasim qing quang rabia radhika rajvinder rakesh ramesh rami rana rania ranjeet
    reem rehana renata reza rhodri ritu rizwan rizwana rohan ruairi ruairidh ruaridh rukhsana rutendo sachin
    sadhbh sagal sahra sajjad sakura samir samira sangeeta sanjeev santosh seema segun seonaid seoyeon serkan
    seun shabnam shagufta shalini shamim shaniqua shilpa shirin shoaib shreya sibusiso simran siobhan siobhán
    sioned siwan siôn slawomir smita sola sonal soraya sorcha stanislawa sucdi sukhdev sukhjinder sunita suresh
    swati tadeusz tadhg tahira taiwo takeshi tanisha tapiwa taras tariq tarsem tasneem tatenda tegwen temitope
    thabo thandeka tinashe tobi tolu tomos tope torquil trang tshepo tuan tyrell uchechi uchenna umar usman
    valentin vandana vidya vinod vivek walid wambui wanda wanjiru waqar warsame waseem wojciech wyn xiaoli
    xiaoming yara yasir yasmeen yasmina yetunde yogesh yoko yousef youssef yuki yulia zahra zanele zdzislaw
    zeenat zeeshan zeinab zeynep zhang zubeida zulfiqar
    """.split()
)
